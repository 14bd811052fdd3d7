-- The measure catalogue: built-ins from the clinical reference, and those a practice adds.

CREATE TABLE measure (
    code               VARCHAR(20)   PRIMARY KEY,
    name               VARCHAR(120)  NOT NULL,
    kind               VARCHAR(16)   NOT NULL,
    min_score          NUMERIC(6, 2) NOT NULL,
    max_score          NUMERIC(6, 2) NOT NULL,
    decimals           SMALLINT      NOT NULL,
    better_when        VARCHAR(20)   NOT NULL,
    cutoff_value       NUMERIC(6, 2) NOT NULL,
    cutoff_side        VARCHAR(12)   NOT NULL,
    rc_points          NUMERIC(6, 2),
    rc_sd              NUMERIC(8, 3),
    rc_reliability     NUMERIC(4, 3),
    source             VARCHAR(200)  NOT NULL,
    defaults_confirmed BOOLEAN       NOT NULL,
    built_in           BOOLEAN       NOT NULL,
    CONSTRAINT measure_code_format CHECK (code ~ '^[A-Za-z0-9][A-Za-z0-9 ._-]{1,19}$'),
    CONSTRAINT measure_kind_known CHECK (kind IN ('OUTCOME', 'ALLIANCE')),
    CONSTRAINT measure_range_ordered CHECK (min_score < max_score),
    CONSTRAINT measure_decimals_known CHECK (decimals BETWEEN 0 AND 2),
    CONSTRAINT measure_better_when_known CHECK (better_when IN ('LOWER_IS_BETTER', 'HIGHER_IS_BETTER')),
    CONSTRAINT measure_cutoff_in_range CHECK (cutoff_value BETWEEN min_score AND max_score),
    CONSTRAINT measure_cutoff_side_known CHECK (cutoff_side IN ('AT_OR_ABOVE', 'BELOW')),
    CONSTRAINT measure_rc_positive CHECK (rc_points IS NULL OR (rc_points > 0 AND rc_points <= max_score - min_score)),
    CONSTRAINT measure_rc_derivation_complete CHECK ((rc_sd IS NULL) = (rc_reliability IS NULL)),
    CONSTRAINT measure_rc_reliability_range CHECK (rc_reliability IS NULL OR (rc_reliability > 0 AND rc_reliability < 1)),
    CONSTRAINT measure_outcome_has_rc CHECK (kind <> 'OUTCOME' OR rc_points IS NOT NULL)
);

INSERT INTO measure VALUES
    ('PHQ-9', 'Patient Health Questionnaire (depression)', 'OUTCOME', 0, 27, 0, 'LOWER_IS_BETTER', 10, 'AT_OR_ABOVE', 6, NULL, NULL, 'NHS Talking Therapies manual', TRUE, TRUE),
    ('GAD-7', 'Generalised Anxiety Disorder scale', 'OUTCOME', 0, 21, 0, 'LOWER_IS_BETTER', 8, 'AT_OR_ABOVE', 4, NULL, NULL, 'NHS Talking Therapies manual', TRUE, TRUE),
    ('CORE-10', 'Clinical Outcomes in Routine Evaluation (distress)', 'OUTCOME', 0, 40, 0, 'LOWER_IS_BETTER', 11, 'AT_OR_ABOVE', 6, NULL, NULL, 'Barkham et al. 2013', FALSE, TRUE),
    ('OQ-45', 'Outcome Questionnaire (distress)', 'OUTCOME', 0, 180, 0, 'LOWER_IS_BETTER', 64, 'AT_OR_ABOVE', 14, NULL, NULL, 'OQ Measures FAQ', FALSE, TRUE),
    ('ORS', 'Outcome Rating Scale', 'OUTCOME', 0, 40, 1, 'HIGHER_IS_BETTER', 25, 'BELOW', 5, NULL, NULL, 'PCOMS / OpenFIT knowledge base', FALSE, TRUE),
    ('SRS', 'Session Rating Scale (alliance)', 'ALLIANCE', 0, 40, 1, 'HIGHER_IS_BETTER', 36, 'BELOW', NULL, NULL, NULL, 'OpenFIT KA-01028', TRUE, TRUE);
