import Foundation
import Testing

/// The numbers behind `annotext map`, from real sentences through ingest, tagging and the
/// index, against values worked out by hand.
///
/// The corpus is one document of seven sentences (a = alliance, h = hegemon, d = deterrence):
///
///     S0 {a, h}   S1 {a}   S2 {d, h}   S3 {a, d}   S4 {h}   S5 {}   S6 {a, h}
///
/// For a pair seen together in k of N windows, the concepts in nA and nB windows:
/// pmi = log2(k·N / (nA·nB)), npmi = pmi / -log2(k/N), dice = 2k / (nA+nB),
/// jaccard = k / (nA+nB-k), G² = 2 Σ O·ln(O/E) over the 2×2 table
/// [[k, nA-k], [nB-k, N-nA-nB+k]] with E = row total · column total / N (cells with O = 0 add 0).
@Suite(.serialized) struct MapMeasureTests {
    static let text = """
        The alliance faced a hegemon. Another alliance formed. Deterrence kept the hegemon in check. \
        The alliance relied on deterrence. A hegemon rose. Nothing else happened. The alliance watched the hegemon.

        """

    static let db: Result<String, any Error> = Result {
        let folder = try BinaryRunner.temporaryFolder()
        try Data(text.utf8).write(to: folder.appendingPathComponent("measures.txt"))
        return try IngestedCorpus.ingest(folder)
    }

    /// The edge `a`–`b` of `map`, by its two ids in node order.
    func edge(_ map: [String: Any], _ a: String, _ b: String) throws -> [String: Any] {
        let edges = map["edges"] as? [[String: Any]] ?? []
        return try #require(edges.first { $0["source"] as? String == a && $0["target"] as? String == b })
    }

    func expectScores(_ edge: [String: Any], pmi: Double, npmi: Double, dice: Double, jaccard: Double, g2: Double) {
        for (name, value) in [("pmi", pmi), ("npmi", npmi), ("dice", dice), ("jaccard", jaccard), ("g2", g2)] {
            let found = edge[name] as? Double ?? .nan
            #expect(abs(found - value) < 5e-6, "\(edge["source"] ?? "")–\(edge["target"] ?? "") \(name): \(found), not \(value)")
        }
    }

    @Test func sentenceWindowCountsAndScoresMatchHandComputedValues() throws {
        let map = try IngestedCorpus.jsonMap(try Self.db.get())
        #expect(map["sentences"] as? Int == 7)
        #expect(map["windows"] as? Int == 7)
        // Nodes in scheme order: alliance in S0 S1 S3 S6, hegemon in S0 S2 S4 S6, deterrence in S2 S3.
        let nodes = map["nodes"] as? [[String: Any]] ?? []
        #expect(nodes.map { "\($0["id"] ?? ""):\($0["mentions"] ?? "")/\($0["sentences"] ?? "")/\($0["windows"] ?? "")" } == [
            "alliance:4/4/4", "hegemon:4/4/4", "deterrence:2/2/2",
        ])

        // alliance–hegemon: S0 and S6, k=2, nA=4, nB=4, N=7. Table [[2, 2], [2, 1]],
        // expected [[16/7, 12/7], [12/7, 9/7]] = [[2.285714, 1.714286], [1.714286, 1.285714]].
        // pmi = log2(14/16) = -0.192645; npmi = -0.192645 / log2(7/2) = -0.192645 / 1.807355 = -0.106590;
        // dice = 4/8; jaccard = 2/6; G² = 2(2 ln(7/8) + 4 ln(7/6) + ln(7/9))
        //      = 2(-0.267063 + 0.616603 - 0.251314) = 0.196451.
        let ah = try edge(map, "alliance", "hegemon")
        #expect(ah["count"] as? Int == 2)
        expectScores(ah, pmi: -0.192645, npmi: -0.106590, dice: 0.5, jaccard: 1.0 / 3, g2: 0.196451)
        #expect((ah["evidence"] as? [[String: Any]])?.map { $0["index"] as? Int } == [0, 6])

        // alliance–deterrence: S3 only, k=1, nA=4, nB=2, N=7. Table [[1, 3], [1, 2]],
        // expected [[8/7, 20/7], [6/7, 15/7]].
        // pmi = log2(7/8) = -0.192645; npmi = -0.192645 / log2(7) = -0.192645 / 2.807355 = -0.068622;
        // dice = 2/6; jaccard = 1/5; G² = 2(ln(7/8) + 3 ln(21/20) + ln(7/6) + 2 ln(14/15))
        //      = 2(-0.133531 + 0.146370 + 0.154151 - 0.137986) = 0.058008.
        let ad = try edge(map, "alliance", "deterrence")
        #expect(ad["count"] as? Int == 1)
        expectScores(ad, pmi: -0.192645, npmi: -0.068622, dice: 1.0 / 3, jaccard: 0.2, g2: 0.058008)
        // hegemon–deterrence (S2) has the same counts, so the same scores.
        expectScores(try edge(map, "hegemon", "deterrence"), pmi: -0.192645, npmi: -0.068622, dice: 1.0 / 3, jaccard: 0.2, g2: 0.058008)

        // Every pair meets less often than chance (k < E11), so G² ranks by -G²: the two
        // 0.058 pairs (ties broken by node order) before alliance–hegemon's 0.196.
        let order = (map["edges"] as? [[String: Any]] ?? []).map { "\($0["source"] ?? "")-\($0["target"] ?? "")" }
        #expect(order == ["alliance-deterrence", "hegemon-deterrence", "alliance-hegemon"])
    }

    @Test func twoSentenceWindowCountsAndScoresMatchHandComputedValues() throws {
        let map = try IngestedCorpus.jsonMap(try Self.db.get(), options: ["--window", "2", "--measure", "npmi"])
        // Windows S0-1 {a,h}, S1-2 {a,d,h}, S2-3 {a,d,h}, S3-4 {a,d,h}, S4-5 {h}, S5-6 {a,h}: N=6;
        // alliance in 5, hegemon in 6, deterrence in 3.
        #expect(map["windows"] as? Int == 6)
        #expect(map["window"] as? Int == 2)
        let nodes = map["nodes"] as? [[String: Any]] ?? []
        #expect(nodes.map { $0["windows"] as? Int } == [5, 6, 3])

        // alliance–deterrence: k=3, nA=5, nB=3, N=6. Table [[3, 2], [0, 1]], expected
        // [[2.5, 2.5], [0.5, 0.5]]. pmi = log2(18/15) = 0.263034; npmi = 0.263034 / log2(2) = 0.263034;
        // dice = 6/8; jaccard = 3/5; G² = 2(3 ln(1.2) + 2 ln(0.8) + ln 2)
        //      = 2(0.546965 - 0.446287 + 0.693147) = 1.587649.
        let ad = try edge(map, "alliance", "deterrence")
        #expect(ad["count"] as? Int == 3)
        expectScores(ad, pmi: 0.263034, npmi: 0.263034, dice: 0.75, jaccard: 0.6, g2: 1.587649)
        // Evidence: S1-2 first, then S3 alone (S2-3 and S3-4 both meet in S3: kept once).
        #expect((ad["evidence"] as? [[String: Any]])?.map { "\($0["index"] ?? "")-\($0["through"] ?? $0["index"] ?? "")" } == ["1-2", "3-3"])

        // alliance–hegemon: k=5, nA=5, nB=6, N=6: hegemon is in every window, so the pair is
        // exactly as frequent as chance: pmi = log2(30/30) = 0, G² = 0; dice = 10/11, jaccard = 5/6.
        let ah = try edge(map, "alliance", "hegemon")
        #expect(ah["count"] as? Int == 5)
        expectScores(ah, pmi: 0, npmi: 0, dice: 10.0 / 11, jaccard: 5.0 / 6, g2: 0)
        // hegemon–deterrence: k=3, nA=6, nB=3, N=6: pmi = 0, G² = 0; dice = 6/9, jaccard = 3/6.
        let hd = try edge(map, "hegemon", "deterrence")
        #expect(hd["count"] as? Int == 3)
        expectScores(hd, pmi: 0, npmi: 0, dice: 2.0 / 3, jaccard: 0.5, g2: 0)

        // Ranked by npmi, ties by count: 0.263, then 0 (count 5), then 0 (count 3).
        let order = (map["edges"] as? [[String: Any]] ?? []).map { "\($0["source"] ?? "")-\($0["target"] ?? "")" }
        #expect(order == ["alliance-deterrence", "alliance-hegemon", "hegemon-deterrence"])
    }
}
