/// Function words that carry little content of their own: ignored when comparing what two
/// paragraphs say. (English; the usual list of articles, pronouns, auxiliaries, prepositions
/// and conjunctions, plus reporting filler such as "also" and "said".)
public enum Stopwords {
    public static let english: Set<String> = [
        "a", "about", "above", "after", "again", "against", "all", "also", "am", "an", "and", "any", "are", "as", "at",
        "be", "because", "been", "before", "being", "below", "between", "both", "but", "by", "can", "could", "did",
        "do", "does", "doing", "down", "during", "each", "either", "even", "ever", "every", "few", "for", "from",
        "further", "had", "has", "have", "having", "he", "her", "here", "hers", "herself", "him", "himself", "his",
        "how", "however", "i", "if", "in", "into", "is", "it", "its", "itself", "just", "may", "me", "might", "more",
        "most", "much", "must", "my", "myself", "neither", "no", "nor", "not", "now", "of", "off", "on", "once",
        "one", "only", "or", "other", "others", "ought", "our", "ours", "ourselves", "out", "over", "own", "same",
        "shall", "she", "should", "so", "some", "such", "than", "that", "the", "their", "theirs", "them",
        "themselves", "then", "there", "these", "they", "this", "those", "through", "thus", "to", "too", "under",
        "until", "up", "upon", "us", "very", "was", "we", "were", "what", "when", "where", "whether", "which", "while",
        "who", "whom", "whose", "why", "will", "with", "within", "without", "would", "yet", "you", "your", "yours",
        "yourself", "yourselves", "isn't", "aren't", "wasn't", "weren't", "hasn't", "haven't", "hadn't", "doesn't",
        "don't", "didn't", "won't", "wouldn't", "can't", "cannot", "couldn't", "shouldn't", "it's", "that's",
        "there's", "he's", "she's", "they're", "we're", "i'm", "you're", "let's", "said", "says", "say", "according",
        "although", "though", "since", "among", "amid", "amidst", "along", "across", "around", "behind", "beyond",
        "toward", "towards", "via", "per", "whereas", "well", "still", "already", "many", "several",
    ]
}
