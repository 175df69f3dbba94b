namespace Shipgate.Workflows;

/// <summary>
/// Who the audit is for, as in zizmor: <see cref="Regular"/> shows high-signal findings only,
/// <see cref="Pedantic"/> adds code smells, <see cref="Auditor"/> shows everything. Ordered.
/// </summary>
public enum Persona
{
    Regular,
    Pedantic,
    Auditor,
}

/// <summary>Settings of the workflows scanner that are not per rule. Immutable.</summary>
public sealed record WorkflowScanSettings
{
    public static WorkflowScanSettings Default { get; } = new();

    public Persona Persona { get; init; } = Persona.Regular;

    /// <summary>Whether <c># zizmor: ignore[audit]</c> comments silence the rules that carry that zizmor equivalent.</summary>
    public bool HonourZizmorComments { get; init; } = true;
}
