"""What the pages share: the frame every page starts with, formatting, the policy text and charts."""
