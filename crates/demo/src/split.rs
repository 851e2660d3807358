//! Splitting a whole number into whole parts: the demo's figures must add up exactly to the
//! published totals at every level (station, constituency, nation).

/// Splits `total` in proportion to `weights` by largest remainder; the parts add up to
/// `total` exactly. Ties in the remainder go to the earlier weight.
pub fn proportional(total: u64, weights: &[u64]) -> Vec<u64> {
    let sum: u128 = weights.iter().map(|&w| u128::from(w)).sum();
    if sum == 0 {
        let mut parts = vec![0; weights.len()];
        if let Some(first) = parts.first_mut() {
            *first = total;
        }
        return parts;
    }
    let mut parts = Vec::with_capacity(weights.len());
    let mut remainders = Vec::with_capacity(weights.len());
    for (i, &w) in weights.iter().enumerate() {
        let exact = u128::from(total) * u128::from(w);
        parts.push((exact / sum) as u64);
        remainders.push((exact % sum, i));
    }
    let short = total - parts.iter().sum::<u64>();
    remainders.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    for &(_, i) in remainders.iter().take(short as usize) {
        parts[i] += 1;
    }
    parts
}

/// Fills a table whose row sums and column sums are both fixed: row by row, each row is
/// split in proportion to what is left of each column, so every cell is whole, none is
/// negative, and the last row takes exactly what is left.
pub fn table(row_sums: &[u64], column_sums: &[u64]) -> Vec<Vec<u64>> {
    let mut left = column_sums.to_vec();
    let mut rows = Vec::with_capacity(row_sums.len());
    for &row in row_sums {
        let cells = proportional(row, &left);
        for (l, c) in left.iter_mut().zip(&cells) {
            *l -= c;
        }
        rows.push(cells);
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn proportional_parts_add_up() {
        let parts = proportional(160_344, &[3, 5, 7, 11]);
        assert_eq!(parts.iter().sum::<u64>(), 160_344);
        assert_eq!(proportional(10, &[1, 1, 1]), vec![4, 3, 3]);
    }

    #[test]
    fn table_keeps_row_and_column_sums() {
        let rows = [120, 80, 200, 55];
        let columns = [170, 100, 90, 95];
        let table = table(&rows, &columns);
        for (row, sum) in table.iter().zip(rows) {
            assert_eq!(row.iter().sum::<u64>(), sum);
        }
        for (c, sum) in columns.iter().enumerate() {
            assert_eq!(table.iter().map(|r| r[c]).sum::<u64>(), *sum);
        }
    }
}
