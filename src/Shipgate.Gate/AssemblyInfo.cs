// The deployment gate service behind `shipgate serve`: environments, protection rules, deployment requests,
// approvals, tokens and the tamper-evident audit log.
