package cn.gov.partyaffairs.disclosure.cadence;

import cn.gov.partyaffairs.disclosure.TestOrganizations;
import cn.gov.partyaffairs.infra.TestClock;
import cn.gov.partyaffairs.infra.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Due dates on the State Council's real arrangements as the migration records them (2024–2026), and a new year
 * recorded by the county admin through the API.
 */
@QuarkusTest
class HolidayCalendarTest {

    @Inject
    HolidayArrangements arrangements;

    @Inject
    TestClock clock;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    private static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    private static CadenceCalendar.Period month(String firstDay) {
        return CadenceCalendar.periodContaining(d(firstDay), 1);
    }

    @Test
    void goldenWeek2026OnTheNoticeOf4November2025() {
        CadenceCalendar calendar = arrangements.cadence();
        assertFalse(calendar.isWorkingDay(d("2026-10-07")), "国庆节 7 October is a holiday, though a Wednesday");
        assertTrue(calendar.isWorkingDay(d("2026-10-10")), "Saturday 10 October is a make-up working day");
        assertTrue(calendar.isWorkingDay(d("2026-09-20")), "Sunday 20 September is a make-up working day");
        assertFalse(calendar.isWorkingDay(d("2026-10-01")));
        assertTrue(calendar.isWorkingDay(d("2026-10-08")));
        // September ends on Wednesday the 30th; 1–7 October are off; then Thu 8, Fri 9, Sat 10 (worked), Mon 12,
        // Tue 13: five working days. On weekends alone it would have been Wednesday the 7th, a holiday.
        assertEquals(d("2026-10-13"), calendar.dueDate(month("2026-09-01")));
        assertFalse(calendar.provisional(month("2026-09-01")));
        // 2025: 1–8 October off (National Day with Mid-Autumn), Saturday 11 October worked.
        assertEquals(d("2025-10-14"), calendar.dueDate(month("2025-09-01")));
    }

    @Test
    void springFestival2025And2026() {
        CadenceCalendar calendar = arrangements.cadence();
        for (LocalDate day = d("2025-01-28"); !day.isAfter(d("2025-02-04")); day = day.plusDays(1)) {
            assertFalse(calendar.isWorkingDay(day), "春节 2025: " + day);
        }
        assertTrue(calendar.isWorkingDay(d("2025-01-26")), "Sunday 26 January 2025 worked");
        assertTrue(calendar.isWorkingDay(d("2025-02-08")), "Saturday 8 February 2025 worked");
        // January 2025 ends on Friday the 31st, inside the holiday: Wed 5, Thu 6, Fri 7, Sat 8 (worked), Mon 10.
        assertEquals(d("2025-02-10"), calendar.dueDate(month("2025-01-01")));

        for (LocalDate day = d("2026-02-15"); !day.isAfter(d("2026-02-23")); day = day.plusDays(1)) {
            assertFalse(calendar.isWorkingDay(day), "春节 2026: " + day);
        }
        assertTrue(calendar.isWorkingDay(d("2026-02-14")), "Saturday 14 February 2026 worked");
        assertTrue(calendar.isWorkingDay(d("2026-02-28")), "Saturday 28 February 2026 worked");
        assertTrue(calendar.isWorkingDay(d("2026-01-04")), "Sunday 4 January 2026 worked (元旦)");
        // Work ending on Friday 13 February 2026: Sat 14 (worked), then 15–23 off, Tue 24 to Fri 27.
        assertEquals(d("2026-02-27"), calendar.dueDate(new CadenceCalendar.Period(d("2026-01-01"), d("2026-02-13"))));
    }

    @Test
    void aYearWithoutAnArrangementCountsWeekendsAloneAndIsFlagged() {
        CadenceCalendar calendar = arrangements.cadence();
        // December 2026 is due in January 2027, which has no arrangement yet.
        assertTrue(calendar.provisional(month("2026-12-01")));
        assertFalse(calendar.provisional(month("2026-11-01")));
        assertTrue(calendar.isWorkingDay(d("2031-10-01")), "no arrangement: a Wednesday is worked");
    }

    @Test
    void theCountyAdminRecordsANewYearAndTheOpenDueDatesAreCountedAgain() {
        clock.set(Instant.parse("2031-12-02T02:00:00Z"));
        String code = TestOrganizations.code();
        given().auth().oauth2(TestTokens.countyAdmin()).contentType("application/json")
                .body("{\"code\":\"" + code + "\",\"name\":\"某镇党委\",\"type\":\"township-committee\",\"disclosingSince\":\"2031-11-01\"}")
                .when().post("/organizations").then().statusCode(201);
        given().auth().oauth2(TestTokens.countyAdmin()).when().post("/compliance/check").then().statusCode(200);
        // November ends on Sunday the 30th: on weekends alone, Mon 1 to Fri 5 December; flagged for the admin.
        List<Boolean> provisional = given().auth().oauth2(TestTokens.countyAdmin()).queryParam("organization", code)
                .when().get("/compliance").then().statusCode(200)
                .body("[0].dueDate", equalTo("2031-12-05")).extract().path("dueDateProvisional");
        assertEquals(List.of(true, true), provisional);
        given().auth().oauth2(TestTokens.countyAdmin()).when().get("/calendar").then().statusCode(200)
                .body("yearsWithoutArrangement", hasItem(2031)).body("arrangements.year", hasItem(2026));

        String body = """
                {"notice":"测试：某年部分节假日安排","holidays":[{"date":"2031-12-01","name":"测试假日"},
                 {"date":"2031-12-02","name":"测试假日"},{"date":"2031-12-03","name":"测试假日"}],
                 "workdays":[{"date":"2031-12-06","name":"调休上班"}]}""";
        // Bad input is a 400 in Chinese naming the field.
        given().auth().oauth2(TestTokens.countyAdmin()).contentType("application/json")
                .body(body.replace("2031-12-06", "2031-12-04"))
                .when().put("/calendar/2031").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("workdays[0].date"))
                .body("errors[0].message", equalTo("调休上班日期 2031-12-04 不是周六或周日"));
        given().auth().oauth2(TestTokens.countyAdmin()).contentType("application/json")
                .body(body.replace("2031-12-01", "2032-01-01"))
                .when().put("/calendar/2031").then().statusCode(400).body("errors[0].field", equalTo("holidays[0].date"));
        given().auth().oauth2(TestTokens.countyAdmin()).contentType("application/json")
                .body("{\"holidays\":[],\"workdays\":[]}")
                .when().put("/calendar/2031").then().statusCode(400).body("errors.field", hasItem("notice"));
        given().auth().oauth2(TestTokens.clerk(code)).contentType("application/json").body(body)
                .when().put("/calendar/2031").then().statusCode(403);

        given().auth().oauth2(TestTokens.countyAdmin()).contentType("application/json").body(body)
                .when().put("/calendar/2031").then().statusCode(200).body("workdays[0].date", equalTo("2031-12-06"));
        // Thu 4, Fri 5, Sat 6 (worked), Mon 8, Tue 9; December stays flagged: it falls due in 2032.
        given().auth().oauth2(TestTokens.countyAdmin()).queryParam("organization", code)
                .when().get("/compliance").then().statusCode(200)
                .body("[0].dueDate", equalTo("2031-12-09")).body("[0].dueDateProvisional", equalTo(false))
                .body("[1].dueDateProvisional", equalTo(true));
        given().auth().oauth2(TestTokens.countyAdmin()).when().get("/calendar").then()
                .body("yearsWithoutArrangement", not(hasItem(2031))).body("yearsWithoutArrangement", hasItem(2032));
    }
}
