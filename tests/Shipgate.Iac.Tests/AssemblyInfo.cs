// Tests for Shipgate.Iac.
