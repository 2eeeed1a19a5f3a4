//! One stable sort for the core's short lists (a check's problems and tone reasons, a day's slots, the popup's
//! lines, a text's hashtags and URLs). The standard library compiles its sort anew for every element type and
//! comparison; these lists all go through `sort_by` here, which sorts their indices with a single compiled sort and
//! then moves the elements into place, so only that small move is compiled per type. O(n log n) comparisons, as
//! the standard sort. The large lists sorted while a lexicon loads keep the standard sort, for its speed.

use std::cmp::Ordering;

/// Sorts `items` by `compare`, keeping the order of equal ones (as `slice::sort_by`).
pub fn sort_by<T>(items: &mut Vec<T>, compare: impl Fn(&T, &T) -> Ordering) {
    if items.len() < 2 {
        return;
    }
    let order = sorted_indices(items.len(), &|a, b| compare(&items[a], &items[b]));
    let mut taken: Vec<Option<T>> = items.drain(..).map(Some).collect();
    items.extend(order.into_iter().map(|i| taken[i].take().expect("each index comes once")));
}

/// Sorts `items` by the key of each, keeping the order of equal ones (as `slice::sort_by_key`).
pub fn sort_by_key<T, K: Ord>(items: &mut Vec<T>, key: impl Fn(&T) -> K) {
    sort_by(items, |a, b| key(a).cmp(&key(b)));
}

/// The indices `0..len` in the order `compare` gives them, equal ones in their own order: the one compiled sort.
fn sorted_indices(len: usize, compare: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..len).collect();
    order.sort_by(|&a, &b| compare(a, b));
    order
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_like_the_standard_stable_sort() {
        // Pairs with many equal keys: the second field shows whether equal ones kept their order.
        let mut state = 0x2545_f491_u32;
        let items: Vec<(u32, usize)> = (0..500)
            .map(|i| {
                state ^= state << 13;
                state ^= state >> 17;
                state ^= state << 5;
                (state % 17, i)
            })
            .collect();
        let (mut ours, mut standard) = (items.clone(), items);
        sort_by_key(&mut ours, |p| p.0);
        standard.sort_by_key(|p| p.0);
        assert_eq!(ours, standard);
        let mut strings = vec!["b".to_owned(), "a".to_owned(), "c".to_owned()];
        sort_by(&mut strings, |a, b| b.cmp(a));
        assert_eq!(strings, ["c", "b", "a"]);
        let mut empty: Vec<String> = Vec::new();
        sort_by_key(&mut empty, String::len);
        assert!(empty.is_empty());
    }
}
