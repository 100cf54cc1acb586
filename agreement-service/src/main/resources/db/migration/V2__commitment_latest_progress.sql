-- The latest progress report per commitment (by as-of date, then arrival): each report states cumulative
-- progress, so this row is the commitment's progress. A view lets one statement load commitments with their
-- agreement and their progress.
create view commitment_latest_progress as
select distinct on (commitment_id) commitment_id, reported_quantity, reported_amount, as_of
from progress_report
order by commitment_id, as_of desc, id desc;
