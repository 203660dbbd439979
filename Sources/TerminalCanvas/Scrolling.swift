/// The first visible row of a scrolled list of `count` rows in a view `height` rows tall, so that `selected` shows.
///
/// Starting from the previous `offset`, the view moves only as far as needed (like a real list: moving the selection
/// up from the bottom does not scroll until it reaches the top), and never leaves empty rows below the last item.
func scrollOffset(previous offset: Int, selected: Int?, count: Int, height: Int) -> Int {
    guard height > 0, count > 0 else { return 0 }
    var first = max(0, offset)
    if let selected, selected >= 0, selected < count {
        if selected < first { first = selected }
        if selected >= first + height { first = selected - height + 1 }
    }
    return min(first, max(0, count - height))
}
