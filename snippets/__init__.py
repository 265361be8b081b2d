"""Lesson code shared by the pages of autograd-guide."""
