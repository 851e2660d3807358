//! `tandoo verify`: every hash, every link, and a replay of every act; the record is opened
//! read-only and never written.

use crate::source::SourceArgs;
use crate::{CliError, Outcome};
use tandoo_record::Hash;

pub async fn run(source: &SourceArgs, expected_head: Option<&str>) -> Result<Outcome, CliError> {
    let expected: Option<Hash> = expected_head
        .map(|h| {
            h.parse()
                .map_err(|e| CliError::input("BAD_HASH", format!("{h}: {e}")))
        })
        .transpose()?;
    let reading = source.read(None).await?;
    let head = reading.head;
    if let Some(failure) = &reading.failure {
        let seq = reading.failed_at();
        print!("FAILED at act {seq}: {failure}");
        if head.seq == 0 {
            println!("; no act before it could be read");
        } else {
            println!("; the last good act is {} (head {})", head.seq, head.hash);
        }
        return Ok(Outcome::Failed);
    }
    if let Err(broken) = reading.state.check_invariants() {
        println!("FAILED: the replayed state breaks an invariant: {broken}");
        return Ok(Outcome::Failed);
    }
    if let Some(expected) = expected
        && head.hash != expected
    {
        println!(
            "FAILED: the record ends at {} (act {}), not at the published head {expected}",
            head.hash, head.seq
        );
        return Ok(Outcome::Failed);
    }
    println!(
        "ok: {} verified and replayed; head {} (act {})",
        crate::render::count(head.seq, "act", "acts"),
        head.hash,
        head.seq
    );
    Ok(Outcome::Done)
}
