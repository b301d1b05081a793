//! osprey-jit (skeleton; see docs/).
