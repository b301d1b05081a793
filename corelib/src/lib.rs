//! osprey-corelib (skeleton; see docs/).
