extension EvaluationReport {
    /// The report as one JSON object (`annotext eval --json`), keys in a fixed order; figures
    /// that are undefined are `null`. `Docs/EVAL.md` shows its shape.
    public var json: String {
        var fields = ["\"passages\":\(passages)"]
        fields.append("\"boundaries\":\(Self.object(boundaries))")
        fields.append("\"sentences\":\(Self.object(sentences))")
        fields.append(
            "\"mentions\":{\"exact\":\(Self.object(exactMentions)),\"overlap\":\(Self.object(overlappingMentions))}")
        fields.append(
            "\"negation\":{\"agreeing\":\(negation.agreeing),\"total\":\(negation.total),"
                + "\"accuracy\":\(Self.number(negation.accuracy))}")
        let rows = concepts.map { "{\"concept\":\(Self.string($0.concept)),\(Self.fields($0.score))}" }
        fields.append("\"concepts\":[\(rows.joined(separator: ","))]")
        return "{" + fields.joined(separator: ",") + "}"
    }

    private static func object(_ score: Score) -> String {
        "{\(fields(score))}"
    }

    private static func fields(_ score: Score) -> String {
        "\"tp\":\(score.truePositives),\"fp\":\(score.falsePositives),\"fn\":\(score.falseNegatives),"
            + "\"precision\":\(number(score.precision)),\"recall\":\(number(score.recall)),\"f1\":\(number(score.f1))"
    }

    /// A figure rounded to four decimals (stable output), or `null`.
    static func number(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "null" }
        let rounded = (value * 10_000).rounded() / 10_000
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }

    /// A JSON string literal: quotes, backslashes and control characters escaped.
    static func string(_ text: String) -> String {
        var json = JSONBytes(capacity: text.utf8.count + 2)
        json.appendString(text)
        return String(decoding: json.bytes, as: UTF8.self)
    }
}
