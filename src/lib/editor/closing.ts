/** The sentence that closes a live article, if one does. */

/**
 * Sentences that close a live article, in the forms newsrooms use: "This bulletin closes our
 * coverage", "This bulletin is the last in this thread", "This live blog is now closed", "We're ending
 * our live coverage here", "That's it from us — our coverage continues in a new blog", "Our live
 * coverage of the strike has ended". Each needs the article itself (this blog, thread, bulletin, our
 * coverage) as its subject or object, so "The last train left at 9pm" or "Coverage continues
 * tomorrow" do not close a story.
 */
const CLOSING: RegExp[] = [
  // "closes our coverage", "concludes this live blog", "wraps up our updates"
  /\b(?:closes|closing|concludes|concluding|ends|ending|wraps up|wrapping up|pausing|suspending)\s+(?:our|this)\s+(?:live\s+)?(?:coverage|blog|thread|updates|live)\b/i,
  // "this live blog is now closed", "our coverage of the vote has ended", "this thread will be archived"
  /\b(?:this|our)\s+(?:live\s+)?(?:blog|thread|coverage|page|updates)\b[^.!?]{0,60}?\b(?:is|has|have|will be|has been|are)\s+(?:now\s+)?(?:closed|ended|over|finished|archived|concluded)\b/i,
  // "this bulletin is the last in this thread", "this is our final update"
  /\b(?:this|that)\s+(?:bulletin|post|update|entry)\s+(?:is|was|will be)\s+(?:the|our)\s+(?:last|final)\b/i,
  /\bthis\s+is\s+(?:the|our)\s+(?:last|final)\s+(?:bulletin|post|update|entry)\b/i,
  // "coverage has ended", "end of our live coverage"
  /\b(?:live\s+)?coverage\s+(?:has\s+)?(?:now\s+)?ended\b|\bend\s+of\s+(?:our\s+)?live\s+(?:coverage|blog|updates)\b/i,
  // "our coverage continues in a new blog", "updates will continue on a separate page"
  /\b(?:coverage|updates|blog)\s+(?:continues?|will\s+continue|moves?|has\s+moved)\s+(?:in|on|at|to)\s+(?:a\s+)?(?:new|separate|another|different)\s+(?:blog|article|page|thread|live\s+blog)\b/i,
  // "That's it from us" (not "for today", "until tomorrow": a blog that goes on)
  /\bthat'?s\s+(?:it|all)\s+from\s+(?:us|me)\b(?![^.!?]*\b(?:today|tonight|for now|until|tomorrow|this evening|this morning)\b)/i,
];

/** The sentence of `text` that closes a live article, if one does (see CLOSING). */
export function closingSentence(text: string): string | undefined {
  const sentences = text.replace(/\s+/g, ' ').match(/[^.!?]+(?:[.!?]+["'”’)]*|$)/g) ?? [];
  return sentences.map((x) => x.trim()).find((x) => CLOSING.some((re) => re.test(x)));
}
