//! osprey-qcall (skeleton; see docs/).
