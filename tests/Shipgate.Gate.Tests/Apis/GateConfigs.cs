namespace Shipgate.Gate.Tests.Apis;

internal static class GateConfigs
{
    public const string Standard = """
        groups:
          security-team: [alice, bob]
          tech-lead: [carol, alice]
        environments:
          staging:
            allowed_refs: [main, refs/tags/v*]
            health_check_url: https://staging.example.test/healthz
          production:
            requires_approval: true
            approvers: [security-team, tech-lead]
            allowed_refs: [refs/heads/main, refs/tags/v*]
            promotion_from: staging
        """;
}
