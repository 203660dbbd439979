/// Money as every output shows it, the live view and the headless table alike.
///
/// Dollars with cents; an amount under a cent keeps four decimals, so ten seconds of a $1.20/h server reads
/// `$0.0033` rather than a `$0.00` that would say the server was free. Machine-readable outputs (JSON, CSV) carry the
/// plain number instead.
public enum Money {
    /// `dollars` as text: `$12.35`, `$0.0033`, `$0.00`.
    public static func text(_ dollars: Double) -> String {
        let magnitude = abs(dollars)
        let places = magnitude > 0 && magnitude < 0.01 ? 4 : 2
        return "$" + RunReport.fixed(dollars, places)
    }
}
