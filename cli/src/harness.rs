//! Harness features of `vanthu check`.
