"""Small dialogs: person editor, household, employment spell, conflict review …"""
