namespace Shipgate.Workflows.Rules;
