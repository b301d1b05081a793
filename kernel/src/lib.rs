//! osprey-kernel (skeleton; see docs/).
