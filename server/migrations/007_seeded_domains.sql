-- Which parts of the demo data a tenant was given (src/seed.ts DOMAINS), so that a part added to the
-- server later reaches tenants created before it. NULL: a tenant from before this record was kept.
ALTER TABLE tenants ADD COLUMN seeded_domains text[];
