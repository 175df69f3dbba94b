// Tests for Shipgate.Gate.
