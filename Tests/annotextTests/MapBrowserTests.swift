import Foundation
import Testing

/// Opens the HTML concept map of the bundled corpus in headless Chromium and checks that the
/// page the browser builds holds every node, edge and lexicon link of the JSON map.
@Suite(.serialized) struct MapBrowserTests {
    @Test(.enabled(if: Tool.chromium != nil, "chromium is not installed (scripts/setup.sh installs it)"))
    func htmlMapInChromiumHoldsEveryNodeAndEdgeOfTheJSONMap() throws {
        let db = try IngestedCorpus.bundled.get()
        let json = try IngestedCorpus.jsonMap(db)
        let folder = try BinaryRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let page = folder.appendingPathComponent("map.html")
        let html = try BinaryRunner.run(["map", "--format", "html", "--db", db])
        #expect(html.status == 0, "\(html.stderr)")
        try html.stdout.write(to: page)

        let dom = try renderedDOM(page.absoluteString, profile: folder)
        #expect(dom.contains("<svg"))

        let nodes = try #require(json["nodes"] as? [[String: Any]])
        let drawnNodes = startTags("g", class: "node", in: dom)
        #expect(drawnNodes.map { $0["data-id"] ?? "" } == nodes.map { $0["id"] as? String ?? "?" })
        for (node, drawn) in zip(nodes, drawnNodes) {
            #expect(drawn["data-mentions"] == (node["mentions"] as? Int).map(String.init))
            #expect(drawn["data-sentences"] == (node["sentences"] as? Int).map(String.init))
            #expect(drawn["data-documents"] == (node["documents"] as? Int).map(String.init))
            #expect(dom.contains(">\(node["label"] as? String ?? "?")<tspan"), "no label for \(node["id"] ?? "")")
        }

        let edges = try #require(json["edges"] as? [[String: Any]])
        #expect(edges.count > 10)
        let expected = Set(edges.map { "\($0["source"] ?? "")|\($0["target"] ?? "")|\($0["count"] ?? "")" })
        let drawnEdges = startTags("g", class: "edge", in: dom)
        #expect(drawnEdges.count == edges.count)
        #expect(Set(drawnEdges.map { "\($0["data-a"] ?? "")|\($0["data-b"] ?? "")|\($0["data-count"] ?? "")" }) == expected)
        // Every edge has its evidence panel, and the strongest edge's score is written on it.
        for number in edges.indices { #expect(dom.contains("id=\"ev-\(number)\"")) }
        #expect(dom.contains("<text class=\"score\" data-e=\"0\""))

        // Opened as map.html#e-0, the page's script shows the strongest edge's evidence in the panel.
        let linked = try renderedDOM(page.absoluteString + "#e-0", profile: folder)
        let panel = try #require(linked.components(separatedBy: "<aside id=\"panel\">").dropFirst().first)
        let first = try #require((edges[0]["evidence"] as? [[String: Any]])?.first)
        let cite = "\(first["document"] ?? "")#\(first["index"] ?? "")"
        #expect(dom.contains("<aside id=\"panel\"><p class=\"hint\">"))
        #expect(panel.hasPrefix("<h2>"), "\(panel.prefix(300))")
        #expect(panel.contains("<cite>\(cite)"), "\(panel.prefix(600))")

        let relations = try #require(json["relations"] as? [[String: Any]])
        let drawnRelations = dom.components(separatedBy: "<line data-from=").dropFirst().map {
            attributes("data-from=" + ($0.split(separator: ">").first ?? ""))
        }
        #expect(
            drawnRelations.map { "\($0["data-from"] ?? "")>\($0["data-to"] ?? ""):\($0["data-kind"] ?? "")" }
                == relations.map { "\($0["source"] ?? "")>\($0["target"] ?? ""):\($0["type"] ?? "")" })
    }

    /// The DOM Chromium builds from `url`, its scripts run, as `--dump-dom` prints it.
    func renderedDOM(_ url: String, profile folder: URL) throws -> String {
        let browser = try #require(Tool.chromium).run([
            "--headless", "--no-sandbox", "--disable-gpu", "--user-data-dir=\(folder.appendingPathComponent("profile").path)",
            "--dump-dom", url,
        ])
        #expect(browser.status == 0, "\(browser.stderr.suffix(2000))")
        return browser.text
    }
}
