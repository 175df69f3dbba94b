using Shipgate.Gate.Domain;

namespace Shipgate.Gate.Tests.Domain;

public class ApprovalMatcherTests
{
    private static readonly ApprovalRule[] SecurityAndLead = [new("security-team", 1), new("tech-lead", 1)];

    [Fact]
    public void Should_count_a_person_in_both_groups_once()
    {
        var progress = ApprovalMatcher.Match(SecurityAndLead, [new GroupApproval("alice", ["security-team", "tech-lead"])]);

        progress.Count(p => p.Satisfied).ShouldBe(1);
        progress.Sum(p => p.Filled).ShouldBe(1);
    }

    [Fact]
    public void Should_reassign_a_person_when_a_later_approver_fits_only_their_slot()
    {
        // Given alice (both groups) approves first and bob (security only) second,
        // alice must end up on tech-lead so bob can fill security-team.
        var progress = ApprovalMatcher.Match(SecurityAndLead,
        [
            new GroupApproval("alice", ["security-team", "tech-lead"]),
            new GroupApproval("bob", ["security-team"]),
        ]);

        progress.ShouldAllBe(p => p.Satisfied);
        progress.Single(p => p.Rule.Group == "tech-lead").Approvers.ShouldBe(["alice"]);
        progress.Single(p => p.Rule.Group == "security-team").Approvers.ShouldBe(["bob"]);
    }

    [Fact]
    public void Should_need_distinct_people_for_a_count_of_two()
    {
        ApprovalRule[] rules = [new("security-team", 2)];

        ApprovalMatcher.Match(rules, [new GroupApproval("alice", ["security-team"])]).Single().Satisfied.ShouldBeFalse();
        ApprovalMatcher.Match(rules, [new GroupApproval("alice", ["security-team"]), new GroupApproval("bob", ["security-team"])]).Single().Satisfied.ShouldBeTrue();
    }

    [Fact]
    public void Should_ignore_approvers_outside_every_group()
    {
        ApprovalMatcher.Match(SecurityAndLead, [new GroupApproval("mallory", ["developers"])]).ShouldAllBe(p => p.Filled == 0);
    }
}
