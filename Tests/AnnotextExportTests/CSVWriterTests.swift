import AnnotextCore
import AnnotextExport
import Foundation
import Testing

@Suite struct CSVWriterTests {
    @Test func writesAHeaderAndOneRowPerTopLevelMentionWithRFC4180Quoting() throws {
        let record = SentenceRecord(
            document: "notes, \"draft\".txt", index: 2, start: 10, end: 40, kind: .sentence,
            text: "Alliances, and a hegemon.",
            mentions: [
                MentionRecord(
                    concept: "alliance", label: "Alliance", start: 10, end: 19, text: "Alliances", negated: true,
                    nested: [MentionRecord(concept: "inner", label: "Inner", start: 10, end: 15, text: "Allia")]),
                MentionRecord(concept: "hegemon", label: "Hegemon", start: 27, end: 39, text: "he said \"x\"\nok", hedged: true),
            ])
        let text = try captured { sink in
            let writer = CSVWriter(sink: sink)
            writer.write(record)
            writer.write(SentenceRecord(document: "empty.txt", index: 0, start: 0, end: 1, kind: .sentence, text: "x"))
            writer.finish()
            #expect(writer.rowCount == 2)
        }
        #expect(
            text == "document,sentence,concept,start,end,text,negated,hedged,attributed\r\n"
                + "\"notes, \"\"draft\"\".txt\",2,alliance,10,19,Alliances,true,false,false\r\n"
                + "\"notes, \"\"draft\"\".txt\",2,hegemon,27,39,\"he said \"\"x\"\"\nok\",false,true,false\r\n")
    }
}
