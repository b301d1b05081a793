//! osprey-metadata (skeleton; see docs/).
