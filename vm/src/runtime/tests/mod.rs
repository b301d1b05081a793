//! Unit tests of the runtime's stages, each against a real runtime in a
//! kernel process: the loader's layouts, vtables and interface maps
//! ([`loader`]) and the collector's allocation, promotion, cards,
//! finalization queue and weak handles ([`gc`]). The C# they load is
//! compiled with `mcs` at test time ([`harness`]).

mod gc;
mod harness;
mod loader;
