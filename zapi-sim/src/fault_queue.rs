//! The queue of pending fault rules, shared by the control API and the request path.

use std::sync::Mutex;

use crate::fault::{FaultError, FaultRule};

/// Pending fault rules in the order they were queued. The first rule matching a request hits
/// it; a rule is dropped once its `times` are used up.
#[derive(Debug, Default)]
pub struct FaultQueue {
    rules: Mutex<Vec<FaultRule>>,
}

impl FaultQueue {
    /// Queues a rule after the pending ones.
    ///
    /// # Errors
    /// [`FaultError`] when the rule is invalid; nothing is queued then.
    pub fn push(&self, rule: FaultRule) -> Result<(), FaultError> {
        self.push_all(vec![rule])
    }

    /// Queues several rules, all or none.
    ///
    /// # Errors
    /// [`FaultError`] for the first invalid rule; nothing is queued then.
    pub fn push_all(&self, rules: Vec<FaultRule>) -> Result<(), FaultError> {
        for rule in &rules {
            rule.validate()?;
        }
        self.lock().extend(rules);
        Ok(())
    }

    /// The rules still pending, `times` being what is left of each.
    pub fn pending(&self) -> Vec<FaultRule> {
        self.lock().clone()
    }

    /// Drops every pending rule.
    pub fn clear(&self) {
        self.lock().clear();
    }

    /// Takes one use of the first rule matching the request, if any.
    pub(crate) fn take(&self, method: &str, path: &str, query: &str) -> Option<FaultRule> {
        let mut rules = self.lock();
        let index = rules.iter().position(|r| r.matches(method, path, query))?;
        let hit = rules[index].clone();
        if rules[index].times <= 1 {
            rules.remove(index);
        } else {
            rules[index].times -= 1;
        }
        Some(hit)
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Vec<FaultRule>> {
        self.rules.lock().unwrap_or_else(|p| p.into_inner())
    }
}
