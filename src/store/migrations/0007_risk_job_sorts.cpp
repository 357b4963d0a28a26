#include "store/migrations/migration.h"

namespace gep::store::migrations {

// Migration 7: the risk list's sorts by customer, status and days in status walk a jobs index in
// that order (then id, the tie-break), as its job name and number sorts do (migration 5). The
// status-change index of migration 1 is a prefix of the new one and goes.
// PostgreSQL also gets the status change in the other direction: its keyset keeps jobs without a
// change last in both directions (NULLS LAST), which one ascending index cannot serve backwards.
const std::string_view kRiskJobSortsSqlite = R"sql(
CREATE INDEX jobs_customer_name_idx ON jobs (customer_name, id);
CREATE INDEX jobs_status_name_order_idx ON jobs (status_name, id);
CREATE INDEX jobs_status_change_order_idx ON jobs (date_status_change, id);
DROP INDEX jobs_date_status_change_idx;
)sql";

const std::string_view kRiskJobSortsPostgres = R"sql(
CREATE INDEX jobs_customer_name_idx ON jobs (customer_name, id);
CREATE INDEX jobs_status_name_order_idx ON jobs (status_name, id);
CREATE INDEX jobs_status_change_order_idx ON jobs (date_status_change ASC NULLS LAST, id);
CREATE INDEX jobs_status_change_desc_order_idx ON jobs (date_status_change DESC NULLS LAST, id DESC);
DROP INDEX jobs_date_status_change_idx;
)sql";

}  // namespace gep::store::migrations
