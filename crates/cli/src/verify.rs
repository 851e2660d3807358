//! `tandoo verify`: every hash, every link, and a replay of every act.

use crate::source::SourceArgs;
use crate::{CliError, Outcome};
use tandoo_core::State;
use tandoo_record::Hash;

pub async fn run(source: &SourceArgs, expected_head: Option<&str>) -> Result<Outcome, CliError> {
    let expected: Option<Hash> = expected_head
        .map(|h| {
            h.parse()
                .map_err(|e| CliError::input("BAD_HASH", format!("{h}: {e}")))
        })
        .transpose()?;
    let reading = source.read().await?;
    let chain = match reading.chain {
        Ok(chain) => chain,
        Err(broken) => {
            println!("FAILED at act {}: {broken}", broken.seq);
            return Ok(Outcome::Failed);
        }
    };
    if let Some((seq, detail)) = reading.unreadable {
        println!("FAILED at act {seq}: {detail}");
        return Ok(Outcome::Failed);
    }
    let mut state = State::new();
    for (stamp, act) in &reading.acts {
        if let Err(error) = state.apply(*stamp, act) {
            println!(
                "FAILED at act {}: the act does not fit the record before it: {error}",
                stamp.seq
            );
            return Ok(Outcome::Failed);
        }
    }
    if let Err(broken) = state.check_invariants() {
        println!("FAILED: the replayed state breaks an invariant: {broken}");
        return Ok(Outcome::Failed);
    }
    if let Some(expected) = expected
        && chain.head.hash != expected
    {
        println!(
            "FAILED: the record ends at {} (act {}), not at the published head {expected}",
            chain.head.hash, chain.head.seq
        );
        return Ok(Outcome::Failed);
    }
    println!(
        "ok: {} verified and replayed; head {} (act {})",
        crate::render::count(chain.count, "act", "acts"),
        chain.head.hash,
        chain.head.seq
    );
    Ok(Outcome::Done)
}
