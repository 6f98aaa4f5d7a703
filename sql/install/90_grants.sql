
-- Privileges. Every role may use the types and functions (EXECUTE is
-- granted to PUBLIC by default), which needs USAGE on the schema. The
-- reference tables hold an office's data: the role that installs the
-- extension (in a trusted install, a database owner rather than the
-- superuser who owns the objects) may read and write them and pass that
-- on; nobody else until granted. Not TRIGGER: a trigger runs as whoever
-- writes the table, so a trigger of the installer's on these superuser-
-- owned tables would run its code as a superuser who loads data. Not
-- REFERENCES: a foreign key's check runs as the owner of the table it
-- references, the superuser, and casts the referencing column with the
-- casts of that column's type, which its owner writes.
GRANT USAGE ON SCHEMA tracker TO PUBLIC;
GRANT SELECT, INSERT, UPDATE, DELETE, TRUNCATE
    ON tracker.region, tracker.indicator, tracker.observation, tracker.target,
       tracker.project, tracker.project_milestone, tracker.project_investment,
       tracker.project_plan
    TO @extowner@ WITH GRANT OPTION;
-- The partitions of tracker.observation alike: a restore by the office's
-- own role (pg_restore --no-owner) writes each partition's rows straight
-- into it (tracker.local_partition grants those it makes).
GRANT SELECT, INSERT, UPDATE, DELETE, TRUNCATE ON tracker.observation_default
    TO @extowner@ WITH GRANT OPTION;
-- The series the triggers derive from observations: readable, so a role
-- granted SELECT on it can call scoreboard(); written only by the triggers.
GRANT SELECT ON tracker.observation_series TO @extowner@ WITH GRANT OPTION;
-- An office's own columns and indexes: added and dropped by rows here,
-- one at a time (no UPDATE, no TRUNCATE, which would bypass the trigger).
GRANT SELECT, INSERT, DELETE ON tracker.local_addition TO @extowner@ WITH GRANT OPTION;
