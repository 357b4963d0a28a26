#pragma once
#include "domain/evaluations.h"
#include "store/repos/connection_source.h"

namespace gep::store {

class SqlWorkflowRepository final : public domain::WorkflowRepository {
 public:
  explicit SqlWorkflowRepository(ConnectionSource& source) : source_(source) {}

  Status replace_all(std::span<const domain::WorkflowRecord> workflows) override;
  Result<std::vector<domain::WorkflowRecord>> list() override;

 private:
  ConnectionSource& source_;
};

}  // namespace gep::store
