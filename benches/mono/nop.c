/* A no-op native function: the P/Invoke target of Transitions.cs. */
int osprey_nop(int x) { return x + 1; }
