package cn.gov.partyaffairs.gateway.internalapi;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ForwardedPathTest {

    @Test
    void plainApiPathsPass() {
        assertTrue(ForwardedPath.isPlain("/units", "units"));
        assertTrue(ForwardedPath.isPlain("/units/YP-V001/tasks", "units"));
        assertTrue(ForwardedPath.isPlain("/organizations/YP-V001/", "organizations"));
        assertTrue(ForwardedPath.isPlain("/disclosures/3f1c2a9e-0d5b-4c1e-9a57-0b3f6c1d2e4f/v1.2", "disclosures"));
        assertTrue(ForwardedPath.isPlain("/organizations/%E9%B1%BC", "organizations"));
    }

    @Test
    void pathsThatCouldLeaveTheApiAreRefused() {
        for (String path : new String[]{"/units/..;/q/metrics", "/units/../q/metrics", "/units/./x", "/units/.",
                "/units/%2e%2e/q", "/units/%2E./q", "/units/a%2Fb", "/units/a%5cb", "/units/a;b", "/units//q",
                "/units/a%00", "/units\\..\\q", "/q/metrics", "/unitsx/a", "/units/a%3bb"}) {
            assertFalse(ForwardedPath.isPlain(path, "units"), path);
        }
    }
}
