//! Runnable examples of vanthu; see `README.md`.
#![forbid(unsafe_code)]
