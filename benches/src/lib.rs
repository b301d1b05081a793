//! osprey-benches (skeleton; see docs/).
