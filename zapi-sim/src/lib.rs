#![doc = include_str!("../README.md")]

mod body;
pub mod cli;
mod control;
mod decoy;
mod fault;
mod fault_queue;
mod faulted;
mod instance;
mod respond;
mod server;
mod service;
mod wall_clock;
mod webhooks;

pub use fault::{Fault, FaultError, FaultRule, MAX_DELAY_MS, MAX_HUGE_BYTES};
pub use fault_queue::FaultQueue;
pub use server::{RunningServer, ServerError, SpawnOptions, spawn};
