-- Placeholder: the number of another branch's migration (the loader refuses gaps). Delete this file
-- when that branch is merged; its own 0018 takes the place.
SELECT 1;
