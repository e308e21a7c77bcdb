import KubeModel
import Testing

/// Strings are written as Go's encoding/json writes them: as they are when nothing needs an
/// escape, with Go's escapes otherwise.
@Suite struct JSONWriterEscapingTests {
  @Test func stringsWithoutSpecialCharactersAreWrittenAsTheyAre() {
    let plain = "registry.k8s.io/etcd:3.5.15-0 kube-system/etcd-controlplane café 日本"
    #expect(JSON.string(plain).serialized() == "\"\(plain)\"")
  }

  @Test func quotesBackslashesControlCharactersAndHTMLCharactersAreEscaped() {
    #expect(JSON.string("a\"b\\c\nd\re\tf\u{1}<>&").serialized() == #""a\"b\\c\nd\re\tf\u0001\u003c\u003e\u0026""#)
  }

  @Test func lineAndParagraphSeparatorsAreEscapedButOtherCharactersOfTheirLeadByteAreNot() {
    #expect(JSON.string("\u{2028}→\u{2029}").serialized() == #""\u2028→\u2029""#)
  }
}
