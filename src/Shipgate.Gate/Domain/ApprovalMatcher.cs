namespace Shipgate.Gate.Domain;

/// <summary>One approval as recorded: who, and the groups they were in when they approved.</summary>
public sealed record GroupApproval(string Approver, IReadOnlyList<string> Groups);

/// <summary>How far one rule is: <paramref name="Filled"/> of <paramref name="Rule"/>.Count, and by whom.</summary>
public sealed record RuleProgress(ApprovalRule Rule, int Filled, IReadOnlyList<string> Approvers)
{
    public bool Satisfied => Filled >= Rule.Count;
}

/// <summary>
/// Assigns approvers to rule slots so that each person counts once across all rules, maximising the filled slots
/// (bipartite matching with augmenting paths). With rules "security-team 1" and "tech-lead 1", one person in both
/// groups fills one slot, not two. Pure and deterministic: approvals are matched in the order given.
/// </summary>
public static class ApprovalMatcher
{
    public static IReadOnlyList<RuleProgress> Match(IReadOnlyList<ApprovalRule> rules, IReadOnlyList<GroupApproval> approvals)
    {
        var slots = rules.SelectMany((rule, index) => Enumerable.Repeat(index, rule.Count)).ToArray();
        var slotOwner = new int[slots.Length];
        Array.Fill(slotOwner, -1);

        for (var person = 0; person < approvals.Count; person++)
        {
            TryAssign(person, new bool[slots.Length]);
        }

        return rules.Select((rule, index) =>
        {
            var owners = Enumerable.Range(0, slots.Length).Where(s => slots[s] == index && slotOwner[s] >= 0).Select(s => approvals[slotOwner[s]].Approver).ToArray();
            return new RuleProgress(rule, owners.Length, owners);
        }).ToArray();

        bool TryAssign(int person, bool[] visited)
        {
            for (var s = 0; s < slots.Length; s++)
            {
                if (visited[s] || !InGroup(approvals[person], rules[slots[s]].Group))
                {
                    continue;
                }

                visited[s] = true;
                if (slotOwner[s] < 0 || TryAssign(slotOwner[s], visited))
                {
                    slotOwner[s] = person;
                    return true;
                }
            }

            return false;
        }
    }

    private static bool InGroup(GroupApproval approval, string group) => approval.Groups.Contains(group, StringComparer.OrdinalIgnoreCase);
}
