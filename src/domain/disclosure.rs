//! Primary and secondary cell suppression for a two-dimensional table with
//! row totals, column totals and a grand total.
//!
//! # Rules
//! * Published quantities: the inner cells, the row totals, the column totals
//!   and the grand total. A cell may be "not reported" (`None`): a structural
//!   blank that is known, is never published as a number and contributes 0 to
//!   every sum. A total to which no reported cell contributes is also
//!   `NotReported`.
//! * Primary suppression (`protect`): every cell and every total with
//!   `0 < n < k`. Zeros are published.
//! * Secondary suppression (span test): every quantity is a linear functional
//!   over the unknown reported cells (a cell is its unit vector, a row total
//!   the sum of its row's unit vectors, …). The remaining candidates (all
//!   non-primary quantities) are visited from the largest value to the
//!   smallest; ties are broken grand total → row totals (by row) → column
//!   totals (by column) → cells (row-major), i.e. by [`Quantity`]'s `Ord`.
//!   A candidate is published only if afterwards no primary quantity
//!   (cells and totals alike) lies in the linear span of the published
//!   quantities; otherwise it is suppressed (secondary).
//!
//! # How the span test is decided
//! Exactly, but combinatorially. Put the quantities on the edges of a graph:
//! a node per row `R_i`, per column `C_j`, and two hub nodes `T_r`, `T_c`;
//! cell (i, j) is the edge `R_i–C_j`, row total i is `T_r–R_i`, column total
//! j is `C_j–T_c` and the grand total is `T_c–T_r`. Every assignment of cell
//! values extends uniquely to a circulation on this graph (flow conservation
//! at each node is exactly the definition of the totals), and every
//! circulation arises this way, so the space of cell values *is* the cycle
//! space. A quantity's functional lies in the span of the published
//! functionals iff it vanishes on every circulation that is zero on all
//! published edges, i.e. on every circulation of the graph `U` of unpublished
//! edges — which holds iff the edge lies on no cycle of `U`, i.e. iff it is a
//! bridge of `U`. So "no primary is recoverable" ⇔ "no primary edge is a
//! bridge of the unpublished graph", which Tarjan's bridge algorithm checks in
//! O(V + E) per candidate (no arithmetic, so no overflow). The algebraic
//! fraction-free test ([`EchelonBasis`], [`in_span`]) is provided as well;
//! [`exposed_primaries`] audits a result with it, and the tests check the
//! graph algorithm against an independent rational Gaussian elimination.
//!
//! The span test protects against exact linear recovery. It does not protect
//! against interval inference from non-negativity (e.g. a published total
//! close to a published sum of cells bounding a suppressed cell tightly);
//! that is outside the rule specified here.

use std::cmp::Reverse;

/// Publication status of one cell or total.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CellStatus {
    Published(u64),
    SuppressedPrimary,
    SuppressedSecondary,
    NotReported,
}

impl CellStatus {
    pub fn is_suppressed(&self) -> bool {
        matches!(
            self,
            CellStatus::SuppressedPrimary | CellStatus::SuppressedSecondary
        )
    }
}

/// The table as it may be published.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProtectedTable {
    /// `rows × cols`, where `cols` is the longest input row (shorter rows are
    /// padded with `NotReported`).
    pub cells: Vec<Vec<CellStatus>>,
    pub row_totals: Vec<CellStatus>,
    pub col_totals: Vec<CellStatus>,
    pub total: CellStatus,
}

impl ProtectedTable {
    /// Status of one quantity (`NotReported` for out-of-range indices).
    pub fn status(&self, q: Quantity) -> CellStatus {
        let found = match q {
            Quantity::GrandTotal => Some(&self.total),
            Quantity::RowTotal(i) => self.row_totals.get(i),
            Quantity::ColTotal(j) => self.col_totals.get(j),
            Quantity::Cell(i, j) => self.cells.get(i).and_then(|r| r.get(j)),
        };
        found.copied().unwrap_or(CellStatus::NotReported)
    }
}

/// A publishable quantity. The derived `Ord` is the tie-break order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Quantity {
    GrandTotal,
    RowTotal(usize),
    ColTotal(usize),
    Cell(usize, usize),
}

/// Protects a table with threshold `k`: primary suppression of every cell and
/// total with `0 < n < k`, then secondary suppression by the span test.
pub fn protect(cells: &[Vec<Option<u64>>], k: u64) -> ProtectedTable {
    let shape = Shape::new(cells);
    let primary: Vec<Quantity> = shape
        .quantities()
        .into_iter()
        .filter(|&q| {
            let v = shape.value(q);
            shape.is_reported(q) && v > 0 && v < k
        })
        .collect();
    protect_inner(&shape, &primary)
}

/// Like [`protect`] with every cell reported and an explicit set of primary
/// cells (no primary totals). Out-of-range indices are ignored.
pub fn protect_with_primary(
    values: &[Vec<u64>],
    primary_cells: &[(usize, usize)],
) -> ProtectedTable {
    let cells: Vec<Vec<Option<u64>>> = values
        .iter()
        .map(|r| r.iter().map(|&v| Some(v)).collect())
        .collect();
    let primary: Vec<Quantity> = primary_cells
        .iter()
        .map(|&(i, j)| Quantity::Cell(i, j))
        .collect();
    protect_marked(&cells, &primary)
}

/// General form: an explicit set of primary quantities (cells and/or totals).
/// Quantities that are out of range or not reported are ignored.
pub fn protect_marked(cells: &[Vec<Option<u64>>], primary: &[Quantity]) -> ProtectedTable {
    let shape = Shape::new(cells);
    let primary: Vec<Quantity> = primary
        .iter()
        .copied()
        .filter(|&q| shape.is_reported(q))
        .collect();
    protect_inner(&shape, &primary)
}

/// Coefficient vector of a quantity over the reported cells, in row-major
/// order of the reported cells (structural blanks are not variables);
/// all-zero for out-of-range quantities and totals with no reported cell.
pub fn quantity_vector(cells: &[Vec<Option<u64>>], q: Quantity) -> Vec<i64> {
    Shape::new(cells).vector(q)
}

/// Primary-suppressed quantities of `table` that lie in the span of its
/// published quantities (exact integer arithmetic). Empty for a correctly
/// protected table. `table` must have been produced from `cells`.
pub fn exposed_primaries(cells: &[Vec<Option<u64>>], table: &ProtectedTable) -> Vec<Quantity> {
    let shape = Shape::new(cells);
    let mut basis = EchelonBasis::new(shape.vars);
    let quantities = shape.quantities();
    for &q in &quantities {
        if let CellStatus::Published(_) = table.status(q) {
            basis.insert(&shape.vector(q));
        }
    }
    quantities
        .into_iter()
        .filter(|&q| {
            table.status(q) == CellStatus::SuppressedPrimary && basis.contains(&shape.vector(q))
        })
        .collect()
}

/// `true` iff `v` lies in the (rational) span of `basis`. Exact, fraction-free
/// integer elimination in i128 with gcd reduction. Vectors shorter than the
/// longest one are padded with zeros. On arithmetic overflow (impossible for
/// table vectors, whose entries are 0/1) the answer is the conservative
/// `true`.
pub fn in_span(basis: &[Vec<i64>], v: &[i64]) -> bool {
    let dim = basis
        .iter()
        .map(|b| b.len())
        .chain(std::iter::once(v.len()))
        .max()
        .unwrap_or(0);
    let mut e = EchelonBasis::new(dim);
    for b in basis {
        e.insert(b);
    }
    e.contains(v)
}

/// Incremental row-echelon basis over the rationals, stored as primitive
/// integer rows (fraction-free elimination, gcd-normalised). Row `r` is zero
/// in the pivot columns of all earlier rows, so reducing a vector against the
/// rows in insertion order yields a canonical remainder.
#[derive(Debug, Clone, Default)]
pub struct EchelonBasis {
    dim: usize,
    rows: Vec<(usize, Vec<i128>)>,
    overflowed: bool,
}

impl EchelonBasis {
    pub fn new(dim: usize) -> Self {
        EchelonBasis {
            dim,
            rows: Vec::new(),
            overflowed: false,
        }
    }

    pub fn rank(&self) -> usize {
        self.rows.len()
    }

    /// Adds `v`; returns `true` if the rank increased. Entries beyond `dim`
    /// are ignored.
    pub fn insert(&mut self, v: &[i64]) -> bool {
        match self.reduce(v) {
            Some(r) => match r.iter().position(|&x| x != 0) {
                Some(p) => {
                    self.rows.push((p, r));
                    true
                }
                None => false,
            },
            None => {
                self.overflowed = true;
                false
            }
        }
    }

    /// `true` iff `v` is in the span (conservatively `true` after an overflow).
    pub fn contains(&self, v: &[i64]) -> bool {
        if self.overflowed {
            return true;
        }
        match self.reduce(v) {
            Some(r) => r.iter().all(|&x| x == 0),
            None => true,
        }
    }

    fn reduce(&self, v: &[i64]) -> Option<Vec<i128>> {
        let mut r: Vec<i128> = (0..self.dim)
            .map(|i| v.get(i).copied().unwrap_or(0) as i128)
            .collect();
        normalise(&mut r);
        for (p, b) in &self.rows {
            let a = r[*p];
            if a == 0 {
                continue;
            }
            let bp = b[*p];
            let g = gcd(a.unsigned_abs(), bp.unsigned_abs()) as i128;
            let (fa, fb) = (bp / g, a / g);
            for (x, y) in r.iter_mut().zip(b) {
                *x = x.checked_mul(fa)?.checked_sub(y.checked_mul(fb)?)?;
            }
            normalise(&mut r);
        }
        Some(r)
    }
}

fn gcd(mut a: u128, mut b: u128) -> u128 {
    while b != 0 {
        (a, b) = (b, a % b);
    }
    a
}

/// Divides by the gcd of the entries and makes the first non-zero positive.
fn normalise(r: &mut [i128]) {
    let g = r.iter().fold(0u128, |g, &x| gcd(g, x.unsigned_abs()));
    if g > 1 {
        let g = g as i128;
        r.iter_mut().for_each(|x| *x /= g);
    }
    if r.iter().find(|&&x| x != 0).is_some_and(|&x| x < 0) {
        r.iter_mut().for_each(|x| *x = -*x);
    }
}

// ---------------------------------------------------------------------------

/// Table geometry, values and the variable numbering of reported cells.
struct Shape {
    rows: usize,
    cols: usize,
    /// `var[i][j]` = index of reported cell (i, j) among the variables.
    var: Vec<Vec<Option<usize>>>,
    value: Vec<Vec<u64>>,
    vars: usize,
    row_sum: Vec<u64>,
    col_sum: Vec<u64>,
    row_reported: Vec<bool>,
    col_reported: Vec<bool>,
    total: u64,
}

impl Shape {
    fn new(cells: &[Vec<Option<u64>>]) -> Shape {
        let rows = cells.len();
        let cols = cells.iter().map(|r| r.len()).max().unwrap_or(0);
        let mut var = vec![vec![None; cols]; rows];
        let mut value = vec![vec![0u64; cols]; rows];
        let mut row_sum = vec![0u64; rows];
        let mut col_sum = vec![0u64; cols];
        let mut row_reported = vec![false; rows];
        let mut col_reported = vec![false; cols];
        let mut total = 0u64;
        let mut vars = 0;
        for (i, row) in cells.iter().enumerate() {
            for (j, c) in row.iter().enumerate() {
                if let Some(v) = *c {
                    var[i][j] = Some(vars);
                    vars += 1;
                    value[i][j] = v;
                    row_sum[i] = row_sum[i].saturating_add(v);
                    col_sum[j] = col_sum[j].saturating_add(v);
                    total = total.saturating_add(v);
                    row_reported[i] = true;
                    col_reported[j] = true;
                }
            }
        }
        Shape {
            rows,
            cols,
            var,
            value,
            vars,
            row_sum,
            col_sum,
            row_reported,
            col_reported,
            total,
        }
    }

    fn quantities(&self) -> Vec<Quantity> {
        let mut q = vec![Quantity::GrandTotal];
        q.extend((0..self.rows).map(Quantity::RowTotal));
        q.extend((0..self.cols).map(Quantity::ColTotal));
        for i in 0..self.rows {
            q.extend((0..self.cols).map(|j| Quantity::Cell(i, j)));
        }
        q
    }

    /// In range and with a non-zero functional.
    fn is_reported(&self, q: Quantity) -> bool {
        match q {
            Quantity::GrandTotal => self.vars > 0,
            Quantity::RowTotal(i) => self.row_reported.get(i).copied().unwrap_or(false),
            Quantity::ColTotal(j) => self.col_reported.get(j).copied().unwrap_or(false),
            Quantity::Cell(i, j) => self
                .var
                .get(i)
                .and_then(|r| r.get(j))
                .copied()
                .flatten()
                .is_some(),
        }
    }

    fn value(&self, q: Quantity) -> u64 {
        let v = match q {
            Quantity::GrandTotal => Some(&self.total),
            Quantity::RowTotal(i) => self.row_sum.get(i),
            Quantity::ColTotal(j) => self.col_sum.get(j),
            Quantity::Cell(i, j) => self.value.get(i).and_then(|r| r.get(j)),
        };
        v.copied().unwrap_or(0)
    }

    fn vector(&self, q: Quantity) -> Vec<i64> {
        let mut v = vec![0i64; self.vars];
        for i in 0..self.rows {
            for j in 0..self.cols {
                let hit = match q {
                    Quantity::GrandTotal => true,
                    Quantity::RowTotal(r) => r == i,
                    Quantity::ColTotal(c) => c == j,
                    Quantity::Cell(r, c) => r == i && c == j,
                };
                if let (true, Some(x)) = (hit, self.var[i][j]) {
                    v[x] = 1;
                }
            }
        }
        v
    }

    /// Graph endpoints of a quantity's edge: hubs 0 (T_r), 1 (T_c), rows
    /// 2..2+rows, columns after that.
    fn endpoints(&self, q: Quantity) -> (usize, usize) {
        let row = |i: usize| 2 + i;
        let col = |j: usize| 2 + self.rows + j;
        match q {
            Quantity::GrandTotal => (1, 0),
            Quantity::RowTotal(i) => (0, row(i)),
            Quantity::ColTotal(j) => (col(j), 1),
            Quantity::Cell(i, j) => (row(i), col(j)),
        }
    }
}

fn protect_inner(shape: &Shape, primary: &[Quantity]) -> ProtectedTable {
    // Edges = reported quantities.
    let edges: Vec<Quantity> = shape
        .quantities()
        .into_iter()
        .filter(|&q| shape.is_reported(q))
        .collect();
    let node_count = 2 + shape.rows + shape.cols;
    let mut adj: Vec<Vec<(usize, usize)>> = vec![Vec::new(); node_count];
    for (e, &q) in edges.iter().enumerate() {
        let (a, b) = shape.endpoints(q);
        adj[a].push((b, e));
        adj[b].push((a, e));
    }
    let mut is_primary = vec![false; edges.len()];
    for (e, q) in edges.iter().enumerate() {
        is_primary[e] = primary.contains(q);
    }
    let primary_edges: Vec<usize> = (0..edges.len()).filter(|&e| is_primary[e]).collect();

    let mut candidates: Vec<usize> = (0..edges.len()).filter(|&e| !is_primary[e]).collect();
    candidates.sort_by_key(|&e| (Reverse(shape.value(edges[e])), edges[e]));

    let mut unpublished = vec![true; edges.len()];
    let mut secondary = vec![false; edges.len()];
    let mut bridges = find_bridges(&adj, &unpublished);
    for &c in &candidates {
        if bridges[c] {
            // Already determined by what is published: publishing it changes
            // nothing, and removing a bridge leaves every cycle intact.
            unpublished[c] = false;
            continue;
        }
        unpublished[c] = false;
        let trial = find_bridges(&adj, &unpublished);
        if primary_edges.iter().any(|&p| trial[p]) {
            unpublished[c] = true;
            secondary[c] = true;
        } else {
            bridges = trial;
        }
    }

    let status_of = |q: Quantity| -> CellStatus {
        match edges.binary_search(&q) {
            Ok(e) if is_primary[e] => CellStatus::SuppressedPrimary,
            Ok(e) if secondary[e] => CellStatus::SuppressedSecondary,
            Ok(_) => CellStatus::Published(shape.value(q)),
            Err(_) => CellStatus::NotReported,
        }
    };
    ProtectedTable {
        cells: (0..shape.rows)
            .map(|i| {
                (0..shape.cols)
                    .map(|j| status_of(Quantity::Cell(i, j)))
                    .collect()
            })
            .collect(),
        row_totals: (0..shape.rows)
            .map(|i| status_of(Quantity::RowTotal(i)))
            .collect(),
        col_totals: (0..shape.cols)
            .map(|j| status_of(Quantity::ColTotal(j)))
            .collect(),
        total: status_of(Quantity::GrandTotal),
    }
}

/// Bridges of the subgraph of `active` edges (iterative Tarjan; multi-edge safe).
fn find_bridges(adj: &[Vec<(usize, usize)>], active: &[bool]) -> Vec<bool> {
    let n = adj.len();
    let mut is_bridge = vec![false; active.len()];
    let mut disc = vec![0usize; n];
    let mut low = vec![0usize; n];
    let mut time = 0usize;
    // (vertex, edge used to enter it, next adjacency index)
    let mut stack: Vec<(usize, Option<usize>, usize)> = Vec::new();
    for root in 0..n {
        if disc[root] != 0 {
            continue;
        }
        time += 1;
        disc[root] = time;
        low[root] = time;
        stack.push((root, None, 0));
        while let Some(top) = stack.last_mut() {
            let (v, via, idx) = *top;
            if let Some(&(to, e)) = adj[v].get(idx) {
                top.2 += 1;
                if !active[e] || Some(e) == via {
                    continue;
                }
                if disc[to] == 0 {
                    time += 1;
                    disc[to] = time;
                    low[to] = time;
                    stack.push((to, Some(e), 0));
                } else {
                    low[v] = low[v].min(disc[to]);
                }
            } else {
                stack.pop();
                if let (Some(&(parent, _, _)), Some(e)) = (stack.last(), via) {
                    low[parent] = low[parent].min(low[v]);
                    if low[v] > disc[parent] {
                        is_bridge[e] = true;
                    }
                }
            }
        }
    }
    is_bridge
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use CellStatus::*;

    fn some(values: &[Vec<u64>]) -> Vec<Vec<Option<u64>>> {
        values
            .iter()
            .map(|r| r.iter().map(|&v| Some(v)).collect())
            .collect()
    }

    // ----- independent exact rational elimination (test only) -----

    #[derive(Clone, Copy, Debug, PartialEq)]
    struct Frac(i128, i128);

    fn g(a: i128, b: i128) -> i128 {
        let (mut a, mut b) = (a.abs(), b.abs());
        while b != 0 {
            (a, b) = (b, a % b);
        }
        a.max(1)
    }

    impl Frac {
        fn new(n: i128, d: i128) -> Frac {
            let s = if d < 0 { -1 } else { 1 };
            let k = g(n, d);
            Frac(s * n / k, s * d / k)
        }
        fn sub(self, o: Frac) -> Frac {
            Frac::new(self.0 * o.1 - o.0 * self.1, self.1 * o.1)
        }
        fn mul(self, o: Frac) -> Frac {
            Frac::new(self.0 * o.0, self.1 * o.1)
        }
        fn div(self, o: Frac) -> Frac {
            Frac::new(self.0 * o.1, self.1 * o.0)
        }
    }

    fn rational_rank(vectors: &[Vec<i64>]) -> usize {
        let mut m: Vec<Vec<Frac>> = vectors
            .iter()
            .map(|v| v.iter().map(|&x| Frac::new(x as i128, 1)).collect())
            .collect();
        let cols = m.first().map_or(0, |r| r.len());
        let mut rank = 0;
        for c in 0..cols {
            let Some(p) = (rank..m.len()).find(|&r| m[r][c].0 != 0) else {
                continue;
            };
            m.swap(rank, p);
            let pivot = m[rank][c];
            for r in 0..m.len() {
                if r != rank && m[r][c].0 != 0 {
                    let f = m[r][c].div(pivot);
                    let pr = m[rank].clone();
                    for (x, y) in m[r].iter_mut().zip(&pr) {
                        *x = x.sub(f.mul(*y));
                    }
                }
            }
            rank += 1;
        }
        rank
    }

    fn rational_in_span(basis: &[Vec<i64>], v: &[i64]) -> bool {
        let mut with = basis.to_vec();
        with.push(v.to_vec());
        rational_rank(basis) == rational_rank(&with)
    }

    /// Straightforward reference implementation of the specified greedy
    /// using rational linear algebra only.
    fn reference_protect(
        cells: &[Vec<Option<u64>>],
        primary: &[Quantity],
    ) -> Vec<(Quantity, CellStatus)> {
        let shape = Shape::new(cells);
        let all: Vec<Quantity> = shape
            .quantities()
            .into_iter()
            .filter(|&q| shape.is_reported(q))
            .collect();
        let mut cands: Vec<Quantity> = all
            .iter()
            .copied()
            .filter(|q| !primary.contains(q))
            .collect();
        cands.sort_by_key(|&q| (Reverse(shape.value(q)), q));
        let mut published: Vec<Vec<i64>> = Vec::new();
        let mut out = Vec::new();
        for q in cands {
            let mut trial = published.clone();
            trial.push(shape.vector(q));
            if primary
                .iter()
                .any(|&p| rational_in_span(&trial, &shape.vector(p)))
            {
                out.push((q, SuppressedSecondary));
            } else {
                published = trial;
                out.push((q, Published(shape.value(q))));
            }
        }
        out.extend(primary.iter().map(|&p| (p, SuppressedPrimary)));
        out.sort_by_key(|x| x.0);
        out
    }

    fn published_vectors(cells: &[Vec<Option<u64>>], t: &ProtectedTable) -> Vec<Vec<i64>> {
        let shape = Shape::new(cells);
        shape
            .quantities()
            .into_iter()
            .filter(|&q| matches!(t.status(q), Published(_)))
            .map(|q| shape.vector(q))
            .collect()
    }

    // ----- the standard example -----

    #[test]
    fn standard_example_young_middle_primary() {
        // rows young, old; columns first, middle, last
        let values = vec![vec![2, 0, 5], vec![3, 4, 6]];
        let t = protect_with_primary(&values, &[(0, 1)]);
        assert_eq!(
            t.cells,
            vec![
                vec![SuppressedSecondary, SuppressedPrimary, Published(5)],
                vec![SuppressedSecondary, SuppressedSecondary, Published(6)],
            ]
        );
        assert_eq!(t.row_totals, vec![Published(7), Published(13)]);
        assert_eq!(
            t.col_totals,
            vec![Published(5), Published(4), Published(11)]
        );
        assert_eq!(t.total, Published(20));
        assert!(exposed_primaries(&some(&values), &t).is_empty());
        // The same decisions from the purely algebraic reference.
        let r = reference_protect(&some(&values), &[Quantity::Cell(0, 1)]);
        for (q, s) in r {
            assert_eq!(t.status(q), s, "{q:?}");
        }
    }

    #[test]
    fn standard_example_with_threshold() {
        // With k = 3 the primary cell is young-first (2); the zero is not
        // primary. Order: 20, 13, 11, 7, 6 (old-last), 5 (column first; totals
        // win ties), 5 (young-last), 4 (column middle), 4 (old-middle), 3, 0.
        let values = vec![vec![2, 0, 5], vec![3, 4, 6]];
        let t = protect(&some(&values), 3);
        assert_eq!(
            t.cells,
            vec![
                vec![SuppressedPrimary, SuppressedSecondary, Published(5)],
                vec![SuppressedSecondary, SuppressedSecondary, Published(6)],
            ]
        );
        assert_eq!(t.row_totals, vec![Published(7), Published(13)]);
        assert_eq!(
            t.col_totals,
            vec![Published(5), Published(4), Published(11)]
        );
        assert_eq!(t.total, Published(20));
    }

    #[test]
    fn primary_totals_are_protected() {
        // Row total 2 is primary (its cells 1 and 1 are primary too).
        let cells = some(&[vec![1, 1, 0], vec![10, 20, 30], vec![15, 25, 35]]);
        let t = protect(&cells, 3);
        assert_eq!(t.row_totals[0], SuppressedPrimary);
        assert_eq!(t.cells[0][0], SuppressedPrimary);
        assert!(exposed_primaries(&cells, &t).is_empty());
        // The row total of row 0 equals grand total minus the other row
        // totals, so at least one of those must be suppressed.
        let published_rows = [t.total, t.row_totals[1], t.row_totals[2]]
            .iter()
            .filter(|s| matches!(s, Published(_)))
            .count();
        assert!(published_rows < 3, "{t:?}");
    }

    #[test]
    fn degenerate_shapes() {
        // no rows
        let t = protect(&[], 3);
        assert!(t.cells.is_empty() && t.row_totals.is_empty() && t.col_totals.is_empty());
        assert_eq!(t.total, NotReported);
        // rows without columns
        let t = protect(&[vec![], vec![]], 3);
        assert_eq!(t.row_totals, vec![NotReported, NotReported]);
        assert_eq!(t.total, NotReported);
        // 1×1
        let t = protect(&some(&[vec![7]]), 3);
        assert_eq!(t.cells, vec![vec![Published(7)]]);
        assert_eq!(
            (t.row_totals[0], t.col_totals[0], t.total),
            (Published(7), Published(7), Published(7))
        );
        let t = protect(&some(&[vec![2]]), 3);
        assert_eq!(t.cells, vec![vec![SuppressedPrimary]]);
        assert_eq!(
            (t.row_totals[0], t.col_totals[0], t.total),
            (SuppressedPrimary, SuppressedPrimary, SuppressedPrimary)
        );
        let t = protect(&some(&[vec![0]]), 3);
        assert_eq!(t.total, Published(0));
        // single row: row total == grand total (same functional)
        let cells = some(&[vec![2, 9, 8]]);
        let t = protect(&cells, 3);
        assert_eq!(t.cells[0][0], SuppressedPrimary);
        assert_eq!(t.col_totals[0], SuppressedPrimary);
        assert!(t.cells[0][1].is_suppressed() || t.cells[0][2].is_suppressed());
        assert!(exposed_primaries(&cells, &t).is_empty());
        assert_eq!(t.row_totals[0], t.total);
        // single column
        let cells = some(&[vec![2], vec![9], vec![8]]);
        let t = protect(&cells, 3);
        assert!(exposed_primaries(&cells, &t).is_empty());
        assert_eq!(t.col_totals[0], t.total);
    }

    #[test]
    fn not_reported_cells() {
        let cells = vec![
            vec![Some(2), None, Some(9)],
            vec![Some(7), Some(8), None],
            vec![None, None, None],
        ];
        let t = protect(&cells, 3);
        assert_eq!(t.cells[0][1], NotReported);
        assert_eq!(t.cells[1][2], NotReported);
        assert_eq!(t.cells[2], vec![NotReported; 3]);
        assert_eq!(t.row_totals[2], NotReported);
        assert_eq!(t.cells[0][0], SuppressedPrimary);
        assert!(exposed_primaries(&cells, &t).is_empty());
        // ragged rows are padded with NotReported
        let t = protect(&[vec![Some(5)], vec![Some(6), Some(7)]], 3);
        assert_eq!(t.cells[0], vec![Published(5), NotReported]);
        assert_eq!(t.col_totals, vec![Published(11), Published(7)]);
    }

    #[test]
    fn zero_cells_are_published_unless_needed() {
        let cells = some(&[vec![0, 10, 12], vec![11, 0, 14], vec![13, 15, 0]]);
        let t = protect(&cells, 3);
        assert!(t.cells.iter().flatten().all(|s| matches!(s, Published(_))));
        assert_eq!(t.total, Published(75));
    }

    #[test]
    fn out_of_range_primary_ignored() {
        let t = protect_with_primary(&[vec![5, 6]], &[(3, 3), (0, 9)]);
        assert_eq!(t.cells, vec![vec![Published(5), Published(6)]]);
    }

    #[test]
    fn echelon_basis_basics() {
        assert!(in_span(&[vec![1, 1, 0], vec![0, 1, 1]], &[1, 2, 1]));
        assert!(!in_span(&[vec![1, 1, 0], vec![0, 1, 1]], &[1, 0, 0]));
        assert!(in_span(&[vec![2, 4], vec![3, 5]], &[1, 0]));
        assert!(in_span(&[], &[0, 0]));
        assert!(!in_span(&[], &[0, 1]));
        assert!(in_span(&[vec![1]], &[3, 0]));
        let mut b = EchelonBasis::new(3);
        assert!(b.insert(&[1, 1, 1]));
        assert!(!b.insert(&[2, 2, 2]));
        assert!(b.insert(&[1, 0, 0]));
        assert_eq!(b.rank(), 2);
        assert!(b.contains(&[0, 3, 3]));
        assert!(!b.contains(&[0, 1, 0]));
        assert_eq!(
            quantity_vector(&some(&[vec![1, 2], vec![3, 4]]), Quantity::ColTotal(1)),
            vec![0, 1, 0, 1]
        );
    }

    #[test]
    fn larger_tables_are_fast_and_safe() {
        // 60 × 20 with a deterministic pseudo-random pattern of small cells.
        let mut x: u64 = 12345;
        let mut next = || {
            x = x
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            x >> 33
        };
        let cells: Vec<Vec<Option<u64>>> = (0..60)
            .map(|_| {
                (0..20)
                    .map(|_| {
                        Some(if next() % 5 == 0 {
                            next() % 3
                        } else {
                            next() % 40
                        })
                    })
                    .collect()
            })
            .collect();
        let start = std::time::Instant::now();
        let t = protect(&cells, 3);
        let elapsed = start.elapsed();
        assert!(elapsed.as_secs_f64() < 10.0, "{elapsed:?}");
        assert!(exposed_primaries(&cells, &t).is_empty());
    }

    fn table_strategy() -> impl Strategy<Value = (Vec<Vec<Option<u64>>>, u64)> {
        (1usize..=6, 1usize..=6, 2u64..=5).prop_flat_map(|(r, c, k)| {
            (
                prop::collection::vec(
                    prop::collection::vec(prop::option::weighted(0.9, 0u64..20), c),
                    r,
                ),
                Just(k),
            )
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(300))]

        #[test]
        fn no_primary_in_span_and_values_correct((cells, k) in table_strategy()) {
            let t = protect(&cells, k);
            let shape = Shape::new(&cells);
            let published = published_vectors(&cells, &t);
            let base_rank = rational_rank(&published);
            for q in shape.quantities() {
                let status = t.status(q);
                if !shape.is_reported(q) {
                    prop_assert_eq!(status, NotReported);
                    continue;
                }
                let v = shape.value(q);
                let should_be_primary = v > 0 && v < k;
                prop_assert_eq!(status == SuppressedPrimary, should_be_primary, "{:?}", q);
                match status {
                    Published(n) => prop_assert_eq!(n, v),
                    SuppressedPrimary => {
                        let mut with = published.clone();
                        with.push(shape.vector(q));
                        prop_assert_eq!(rational_rank(&with), base_rank + 1, "primary {:?} recoverable", q);
                    }
                    SuppressedSecondary => {}
                    NotReported => prop_assert!(false, "reported quantity marked NotReported"),
                }
            }
            prop_assert!(exposed_primaries(&cells, &t).is_empty());
        }

        #[test]
        fn graph_algorithm_equals_algebraic_greedy((cells, k) in table_strategy()) {
            let shape = Shape::new(&cells);
            let primary: Vec<Quantity> = shape.quantities().into_iter()
                .filter(|&q| shape.is_reported(q) && shape.value(q) > 0 && shape.value(q) < k)
                .collect();
            let t = protect(&cells, k);
            for (q, s) in reference_protect(&cells, &primary) {
                prop_assert_eq!(t.status(q), s, "{:?}", q);
            }
        }

        #[test]
        fn in_span_matches_rational_rank(
            basis in prop::collection::vec(prop::collection::vec(-3i64..=3, 5), 0..6),
            v in prop::collection::vec(-3i64..=3, 5),
        ) {
            let expected = if basis.is_empty() { v.iter().all(|&x| x == 0) } else { rational_in_span(&basis, &v) };
            prop_assert_eq!(in_span(&basis, &v), expected);
        }
    }
}
