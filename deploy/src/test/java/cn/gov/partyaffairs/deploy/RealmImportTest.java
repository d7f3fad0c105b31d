package cn.gov.partyaffairs.deploy;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The realm the cluster imports is the launcher's realm, transformed: a change to one shows up in the other. */
class RealmImportTest {

    @Test
    void realmImportIsGeneratedFromTheLaunchersRealm() throws Exception {
        RealmImport generated = new RealmImport();
        if (Boolean.getBoolean("deploy.write")) {
            generated.write();
        }
        assertEquals(generated.baseYaml(), Files.readString(RealmImport.BASE_FILE),
                RealmImport.BASE_FILE + " is stale: regenerate it (command in its first lines)");
        assertEquals(generated.demoUsersPatchYaml(), Files.readString(RealmImport.DEMO_USERS_FILE),
                RealmImport.DEMO_USERS_FILE + " is stale: regenerate it (command in its first lines)");
    }
}
