import EdLintCore
import Testing

struct SentenceSegmenterTests {
    static let cases: [(String, [String])] = [
        ("One. Two.", ["One.", "Two."]),
        ("Is it? Yes! Fine.", ["Is it?", "Yes!", "Fine."]),
        ("Mr. Smith went to Washington. He stayed.", ["Mr. Smith went to Washington.", "He stayed."]),
        ("Mrs. Jones and Dr. Patel met at St. Mary's. They talked.", ["Mrs. Jones and Dr. Patel met at St. Mary's.", "They talked."]),
        ("Ms. Lee arrived. Prof. Kim left.", ["Ms. Lee arrived.", "Prof. Kim left."]),
        ("He lives at No. 5 Elm Street. It is small.", ["He lives at No. 5 Elm Street.", "It is small."]),
        ("The U.S. economy grew. Prices rose.", ["The U.S. economy grew.", "Prices rose."]),
        ("He moved to the U.S. The move was hard.", ["He moved to the U.S.", "The move was hard."]),
        ("Officials in the U.S. Senate agreed.", ["Officials in the U.S. Senate agreed."]),
        ("Use tools, e.g. hammers and saws. Then rest.", ["Use tools, e.g. hammers and saws.", "Then rest."]),
        ("Some fruit, i.e. apples, was sold. Nothing else.", ["Some fruit, i.e. apples, was sold.", "Nothing else."]),
        ("Acme Inc. reported profits. Its shares rose.", ["Acme Inc. reported profits.", "Its shares rose."]),
        ("He joined Acme Inc. The company grew.", ["He joined Acme Inc.", "The company grew."]),
        ("Acme Inc. Chief Executive Jo Brown spoke.", ["Acme Inc. Chief Executive Jo Brown spoke."]),
        ("J. K. Rowling wrote it. Many read it.", ["J. K. Rowling wrote it.", "Many read it."]),
        ("The author is J. R. R. Tolkien. He was British.", ["The author is J. R. R. Tolkien.", "He was British."]),
        ("Prices rose 3.5 percent. Wages fell.", ["Prices rose 3.5 percent.", "Wages fell."]),
        ("It cost $4.99. Cheap.", ["It cost $4.99.", "Cheap."]),
        ("Version 2.0.1 shipped. Users upgraded.", ["Version 2.0.1 shipped.", "Users upgraded."]),
        ("Wait... what happened? Nobody knew.", ["Wait... what happened?", "Nobody knew."]),
        ("He paused... Then he spoke.", ["He paused...", "Then he spoke."]),
        ("He paused… Then he spoke.", ["He paused…", "Then he spoke."]),
        ("She said, \"Stop.\" Then she left.", ["She said, \"Stop.\"", "Then she left."]),
        ("She said, “Stop.” Then she left.", ["She said, “Stop.”", "Then she left."]),
        ("“Are you sure?” he asked.", ["“Are you sure?” he asked."]),
        ("\"Go!\" she shouted. They went.", ["\"Go!\" she shouted.", "They went."]),
        ("It was late (after midnight). We slept.", ["It was late (after midnight).", "We slept."]),
        ("(See the appendix.) The data follow.", ["(See the appendix.)", "The data follow."]),
        ("The results [see Table 2.] were clear. Good.", ["The results [see Table 2.] were clear.", "Good."]),
        ("He scored 3 goals. 2 were headers.", ["He scored 3 goals.", "2 were headers."]),
        ("It ended in 1999. “Never again,” she said.", ["It ended in 1999.", "“Never again,” she said."]),
        ("The meeting is at 10 a.m. tomorrow.", ["The meeting is at 10 a.m. tomorrow."]),
        ("The meeting ended at 5 p.m. The staff left.", ["The meeting ended at 5 p.m.", "The staff left."]),
        ("On Jan. 5 the vote took place. It passed.", ["On Jan. 5 the vote took place.", "It passed."]),
        ("Gen. Smith and Lt. Col. Jones arrived.", ["Gen. Smith and Lt. Col. Jones arrived."]),
        ("Sen. Warren spoke. Rep. Ocasio replied.", ["Sen. Warren spoke.", "Rep. Ocasio replied."]),
        ("Apples, pears, etc. were sold. Nothing else was.", ["Apples, pears, etc. were sold.", "Nothing else was."]),
        ("We bought apples, pears, etc. The rest was bread.", ["We bought apples, pears, etc.", "The rest was bread."]),
        ("Fig. 3 shows the trend. It rises.", ["Fig. 3 shows the trend.", "It rises."]),
        ("Smith et al. found the same. Others did not.", ["Smith et al. found the same.", "Others did not."]),
        ("Martin Luther King Jr. spoke. The crowd cheered.", ["Martin Luther King Jr. spoke.", "The crowd cheered."]),
        ("Really?! Yes.", ["Really?!", "Yes."]),
        ("Why not? because.", ["Why not? because."]),
        ("No terminal punctuation here", ["No terminal punctuation here"]),
        ("  Leading and trailing spaces.  Second one.  ", ["Leading and trailing spaces.", "Second one."]),
        ("Émile arrived. Élodie left.", ["Émile arrived.", "Élodie left."]),
        ("The café opened. Ölberg visited.", ["The café opened.", "Ölberg visited."]),
        ("It was fun 😀. Then it rained.", ["It was fun 😀.", "Then it rained."]),
        ("Read www.example.com. It helps.", ["Read www.example.com.", "It helps."]),
        ("The ratio was 1:2. Fine.", ["The ratio was 1:2.", "Fine."]),
        ("He works for the U.N. in Geneva.", ["He works for the U.N. in Geneva."]),
        ("The 2nd Ave. station closed. Trains were diverted.", ["The 2nd Ave. station closed.", "Trains were diverted."]),
        ("She earned a Ph.D. in 2010. Then she taught.", ["She earned a Ph.D. in 2010.", "Then she taught."]),
        ("Washington, D.C. is the capital.", ["Washington, D.C. is the capital."]),
        ("Plan B. The first plan failed.", ["Plan B.", "The first plan failed."]),
        ("Capt. Hook sailed. The crew followed.", ["Capt. Hook sailed.", "The crew followed."]),
        ("‘Quiet,’ he said. ‘Now.’ They listened.", ["‘Quiet,’ he said.", "‘Now.’", "They listened."]),
        ("He asked whether it was true? No, it was not.", ["He asked whether it was true?", "No, it was not."]),
        ("The price is approx. 20 dollars. Cheap.", ["The price is approx. 20 dollars.", "Cheap."]),
        ("Turn to p. 12 now. Read it.", ["Turn to p. 12 now.", "Read it."]),
    ]

    @Test(arguments: 0..<cases.count)
    func splitsTrickySentences(index: Int) {
        let (text, expected) = Self.cases[index]
        let bytes = Array(text.utf8)
        let sentences = SentenceSegmenter.sentences(in: bytes).map { String(decoding: bytes[$0], as: UTF8.self) }
        #expect(sentences == expected, "text: \(text)")
    }

    @Test func hasAtLeastFiftyCases() {
        #expect(Self.cases.count >= 50)
    }

    @Test func emptyAndWhitespaceTextHaveNoSentences() {
        #expect(SentenceSegmenter.sentences(in: []).isEmpty)
        #expect(SentenceSegmenter.sentences(in: Array("   ".utf8)).isEmpty)
    }

    /// A sentence's end is found behind closing quotes, brackets and spaces, multibyte ones too.
    @Test func endsWithTerminatorLooksBehindClosers() {
        func ends(_ text: String, also: Set<UInt8> = []) -> Bool { SentenceSegmenter.endsWithTerminator(Array(text.utf8)[...], alsoEnding: also) }
        #expect(ends("The pier reopened.”"))
        #expect(ends("«Il a dit oui.» "))
        #expect(ends("Wait…"))
        #expect(ends("(See the map.)"))
        #expect(!ends("Viera d. Melbourne 1-0"))
        #expect(!ends("Run this command:"))
        #expect(ends("Run this command:", also: [UInt8(ascii: ":")]))
        #expect(!ends("”"))
        #expect(!ends(""))
    }
}
