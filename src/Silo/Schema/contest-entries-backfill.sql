-- Fills the contest_entries read model from the events stored before it existed. Run once, in the start-up that
-- creates the table (the inline projection keeps it current from then on). Pure SQL over mt_events: no event is
-- deserialised, so a store with millions of entries is read once at the speed of the database.
INSERT INTO __EVENTS_SCHEMA__.contest_entries
    (contest_id, entry_number, submission_id, author_name, committee_code, committee_path, title, words,
     questions_answered, questions_correct, fingerprint, submitted_at, day, status)
SELECT d ->> 'contestId', (d ->> 'entryNumber')::int, d ->> 'submissionId', d ->> 'authorName', d ->> 'committeeCode',
       COALESCE(NULLIF(ARRAY(SELECT jsonb_array_elements_text(d -> 'committeePath')), '{}'), ARRAY[d ->> 'committeeCode']),
       d ->> 'title', (d ->> 'words')::int, (d ->> 'questionsAnswered')::int, (d ->> 'questionsCorrect')::int,
       (d ->> 'fingerprint')::bigint, (d ->> 'submittedAt')::timestamptz,
       -- The day in Vietnam (UTC+7, no daylight saving), as the tally counts it.
       (((d ->> 'submittedAt')::timestamptz AT TIME ZONE 'UTC') + interval '7 hours')::date,
       'Accepted'
FROM (SELECT data AS d FROM __EVENTS_SCHEMA__.mt_events WHERE type = 'entry_submitted' AND stream_id LIKE 'contest/%' ORDER BY seq_id) submitted
ON CONFLICT DO NOTHING;

-- An entry ends once: the first withdrawal or disqualification stands, as in the fold.
UPDATE __EVENTS_SCHEMA__.contest_entries entry
SET status = ended.status
FROM (SELECT DISTINCT ON (data ->> 'contestId', (data ->> 'entryNumber')::int)
             data ->> 'contestId' AS contest_id, (data ->> 'entryNumber')::int AS entry_number,
             CASE type WHEN 'entry_withdrawn' THEN 'Withdrawn' ELSE 'Disqualified' END AS status
      FROM __EVENTS_SCHEMA__.mt_events
      WHERE type IN ('entry_withdrawn', 'entry_disqualified') AND stream_id LIKE 'contest/%'
      ORDER BY data ->> 'contestId', (data ->> 'entryNumber')::int, seq_id) ended
WHERE entry.contest_id = ended.contest_id AND entry.entry_number = ended.entry_number;

-- Each judge's latest score per round.
UPDATE __EVENTS_SCHEMA__.contest_entries entry
SET scores = scored.scores
FROM (SELECT contest_id, entry_number, jsonb_object_agg(judge_round, score) AS scores
      FROM (SELECT DISTINCT ON (data ->> 'contestId', (data ->> 'entryNumber')::int, data ->> 'judgeId', data ->> 'round')
                   data ->> 'contestId' AS contest_id, (data ->> 'entryNumber')::int AS entry_number,
                   (data ->> 'judgeId') || '/' || (data ->> 'round') AS judge_round, (data ->> 'score')::int AS score
            FROM __EVENTS_SCHEMA__.mt_events
            WHERE type = 'entry_scored' AND stream_id LIKE 'contest/%'
            ORDER BY data ->> 'contestId', (data ->> 'entryNumber')::int, data ->> 'judgeId', data ->> 'round', seq_id DESC) latest
      GROUP BY contest_id, entry_number) scored
WHERE entry.contest_id = scored.contest_id AND entry.entry_number = scored.entry_number;
