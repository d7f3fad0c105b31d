-- The State Council's holiday arrangements (国务院办公厅关于部分节假日安排的通知), one per year: the days off
-- (HOLIDAY, weekends inside a holiday included) and the make-up working days (WORKDAY, 调休上班, always a weekend).
-- Due dates count working days on them; a year without an arrangement counts weekends alone, and the due dates so
-- computed are marked provisional until the county admin records the year (PUT /calendar/{year}).
CREATE TABLE holiday_arrangement (
    year        INTEGER      PRIMARY KEY,
    notice      VARCHAR(200) NOT NULL,
    recorded_at TIMESTAMPTZ  NOT NULL DEFAULT now(),
    recorded_by VARCHAR(100) NOT NULL
);
CREATE TABLE calendar_day (
    day   DATE        PRIMARY KEY,
    year  INTEGER     NOT NULL REFERENCES holiday_arrangement (year) ON DELETE CASCADE,
    kind  VARCHAR(7)  NOT NULL CHECK (kind IN ('HOLIDAY', 'WORKDAY')),
    name  VARCHAR(50) NOT NULL,
    CHECK (extract(year FROM day) = year)
);
ALTER TABLE disclosure_obligation ADD COLUMN due_date_provisional BOOLEAN NOT NULL DEFAULT false;

INSERT INTO holiday_arrangement (year, notice, recorded_by) VALUES
    (2024, '国务院办公厅关于2024年部分节假日安排的通知（国办发明电〔2023〕7号，2023年10月25日）', 'V31'),
    (2025, '国务院办公厅关于2025年部分节假日安排的通知（国办发明电〔2024〕12号，2024年11月12日）', 'V31'),
    (2026, '国务院办公厅关于2026年部分节假日安排的通知（2025年11月4日）', 'V31');

INSERT INTO calendar_day (day, year, kind, name)
SELECT d::date, extract(year FROM d)::int, 'HOLIDAY', name
FROM (VALUES
    -- 2024
    ('2024-01-01', '2024-01-01', '元旦'),
    ('2024-02-10', '2024-02-17', '春节'),
    ('2024-04-04', '2024-04-06', '清明节'),
    ('2024-05-01', '2024-05-05', '劳动节'),
    ('2024-06-08', '2024-06-10', '端午节'),
    ('2024-09-15', '2024-09-17', '中秋节'),
    ('2024-10-01', '2024-10-07', '国庆节'),
    -- 2025
    ('2025-01-01', '2025-01-01', '元旦'),
    ('2025-01-28', '2025-02-04', '春节'),
    ('2025-04-04', '2025-04-06', '清明节'),
    ('2025-05-01', '2025-05-05', '劳动节'),
    ('2025-05-31', '2025-06-02', '端午节'),
    ('2025-10-01', '2025-10-08', '国庆节、中秋节'),
    -- 2026
    ('2026-01-01', '2026-01-03', '元旦'),
    ('2026-02-15', '2026-02-23', '春节'),
    ('2026-04-04', '2026-04-06', '清明节'),
    ('2026-05-01', '2026-05-05', '劳动节'),
    ('2026-06-19', '2026-06-21', '端午节'),
    ('2026-09-25', '2026-09-27', '中秋节'),
    ('2026-10-01', '2026-10-07', '国庆节')
) AS h (first_day, last_day, name),
LATERAL generate_series(first_day::date, last_day::date, interval '1 day') AS d;

INSERT INTO calendar_day (day, year, kind, name) VALUES
    ('2024-02-04', 2024, 'WORKDAY', '春节调休上班'), ('2024-02-18', 2024, 'WORKDAY', '春节调休上班'),
    ('2024-04-07', 2024, 'WORKDAY', '清明节调休上班'),
    ('2024-04-28', 2024, 'WORKDAY', '劳动节调休上班'), ('2024-05-11', 2024, 'WORKDAY', '劳动节调休上班'),
    ('2024-09-14', 2024, 'WORKDAY', '中秋节调休上班'),
    ('2024-09-29', 2024, 'WORKDAY', '国庆节调休上班'), ('2024-10-12', 2024, 'WORKDAY', '国庆节调休上班'),
    ('2025-01-26', 2025, 'WORKDAY', '春节调休上班'), ('2025-02-08', 2025, 'WORKDAY', '春节调休上班'),
    ('2025-04-27', 2025, 'WORKDAY', '劳动节调休上班'),
    ('2025-09-28', 2025, 'WORKDAY', '国庆节、中秋节调休上班'), ('2025-10-11', 2025, 'WORKDAY', '国庆节、中秋节调休上班'),
    ('2026-01-04', 2026, 'WORKDAY', '元旦调休上班'),
    ('2026-02-14', 2026, 'WORKDAY', '春节调休上班'), ('2026-02-28', 2026, 'WORKDAY', '春节调休上班'),
    ('2026-05-09', 2026, 'WORKDAY', '劳动节调休上班'),
    ('2026-09-20', 2026, 'WORKDAY', '国庆节调休上班'), ('2026-10-10', 2026, 'WORKDAY', '国庆节调休上班');
