//! osprey-binder (skeleton; see docs/).
