-- A primary measure missing at the last two attended sessions is a rule of its own.

ALTER TABLE case_progress_signal DROP CONSTRAINT case_progress_signal_rule_known;
ALTER TABLE case_progress_signal ADD CONSTRAINT case_progress_signal_rule_known CHECK (rule IN ('RELIABLE_DETERIORATION',
    'NO_RELIABLE_IMPROVEMENT', 'OFF_EXPECTED_TRAJECTORY', 'ALLIANCE_CONCERN', 'LOW_ATTENDANCE', 'HOMEWORK_NOT_DONE', 'DRIFT',
    'MEASURE_NOT_TAKEN', 'THERAPIST_RETICENCE', 'THERAPIST_READINESS'));

ALTER TABLE case_assessment_signal DROP CONSTRAINT case_assessment_signal_rule_known;
ALTER TABLE case_assessment_signal ADD CONSTRAINT case_assessment_signal_rule_known CHECK (rule IN ('RELIABLE_DETERIORATION',
    'NO_RELIABLE_IMPROVEMENT', 'OFF_EXPECTED_TRAJECTORY', 'ALLIANCE_CONCERN', 'LOW_ATTENDANCE', 'HOMEWORK_NOT_DONE', 'DRIFT',
    'MEASURE_NOT_TAKEN', 'THERAPIST_RETICENCE', 'THERAPIST_READINESS'));
