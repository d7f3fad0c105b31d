package cn.gov.partyaffairs.commitment.departments;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class DepartmentRepository implements PanacheRepositoryBase<Department, UUID> {

    public Optional<Department> findByCode(String code) {
        return find("code", code).firstResultOptional();
    }
}
