-- Requests stored per window and Tokyo day, counted by the database on every insert (whoever
-- inserts: the public form or staff), so the window's daily quota (WINDOW_REQUESTS_PER_DAY) is one
-- row read per booking, whatever the quota, instead of counting up to the quota's rows of the day.
-- Past days are deleted with the daily retention run.
CREATE TABLE window_day_counts (
  window_id TEXT NOT NULL,
  day TEXT NOT NULL,
  count INTEGER NOT NULL,
  PRIMARY KEY (window_id, day)
);
INSERT INTO window_day_counts (window_id, day, count)
  SELECT window_id, date(created_at, '+9 hours'), COUNT(*) FROM requests GROUP BY 1, 2;
CREATE TRIGGER requests_count_window_day AFTER INSERT ON requests BEGIN
  INSERT INTO window_day_counts (window_id, day, count) VALUES (NEW.window_id, date(NEW.created_at, '+9 hours'), 1)
    ON CONFLICT (window_id, day) DO UPDATE SET count = count + 1;
END;
